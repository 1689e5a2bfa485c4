// The supervision office's dashboard: signs in, then routes #/… to a view.
import { configure, completeSignIn, accessToken, signIn, signOut, user } from './auth.js';
import { get, post, follow } from './api.js';
import { el, notify, clearNotice, dateTime } from './ui.js';
import { board } from './views/board.js';
import { taskList, taskPage } from './views/tasks.js';
import { inbox } from './views/alerts.js';
import { scores } from './views/scores.js';
import { ledger } from './views/ledger.js';
import { drafts, draftPage } from './views/drafts.js';

// A view that changes something is handed render, to draw itself again once it has (views import nothing of this file).
const ROUTES = [
  [/^#?\/?$/, () => board()],
  [/^#\/board$/, () => board()],
  [/^#\/tasks(?:\?(.*))?$/, (m) => taskList(new URLSearchParams(m[1] || ''))],
  [/^#\/task\/([^?]+)$/, (m) => taskPage(decodeURIComponent(m[1]), render)],
  [/^#\/alerts$/, () => inbox(render)],
  [/^#\/scores$/, () => scores(render)],
  [/^#\/ledger$/, () => ledger()],
  [/^#\/drafts$/, () => drafts()],
  [/^#\/draft\/([^?]+)$/, (m) => draftPage(decodeURIComponent(m[1]), render)],
];

let rendering = 0;

async function render() {
  const hash = location.hash || '#/';
  const view = document.getElementById('view');
  const ticket = ++rendering;
  for (const link of document.querySelectorAll('nav a')) {
    link.toggleAttribute('aria-current', hash.startsWith(link.getAttribute('href').split('?')[0]));
  }
  const route = ROUTES.find(([pattern]) => pattern.test(hash));
  if (!route) {
    view.replaceChildren(el('p', {}, '没有这个页面。'), el('a', { href: '#/' }, '返回总览'));
    return;
  }
  view.setAttribute('aria-busy', 'true');
  try {
    const content = await route[1](hash.match(route[0]));
    if (ticket === rendering) view.replaceChildren(content);
  } catch (e) {
    if (ticket === rendering) view.replaceChildren(el('p', { class: 'error' }, `加载失败：${e.message}`));
  } finally {
    if (ticket === rendering) view.removeAttribute('aria-busy');
  }
}

/** Waits for a queued re-evaluation of the ledger (a clock move queues one) to finish. */
async function evaluated(id) {
  for (;;) {
    const run = await get(`/api/supervision/admin/evaluations/${id}`);
    if (run.state === 'DONE' || run.state === 'FAILED') return run;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function showClock() {
  const box = document.getElementById('clock');
  const clock = await get('/api/supervision/admin/clock');
  const me = user();
  const parts = [el('span', {}, '业务时间 ', el('time', { id: 'clock-now', datetime: clock.now }, dateTime(clock.now)))];
  if (clock.movable && me.roles.includes('supervisor')) {
    const input = el('input', { type: 'date', id: 'clock-date', 'aria-label': '调整到日期', value: clock.now.slice(0, 10) });
    parts.push(el('form', {
      class: 'clock-move',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const moved = await post('/api/supervision/admin/clock', { now: `${input.value}T09:00:00+08:00` });
          notify(`业务时间已调整到 ${input.value} 09:00，正在重新评估全部任务…`);
          const run = await evaluated(moved.evaluation.id);
          notify(run.state === 'DONE'
            ? `业务时间已调整到 ${input.value} 09:00，全部任务已重新评估` + (run.failed ? `（${run.failed} 项无法评估）` : '')
            : `重新评估未完成：${run.problem || run.state}`, run.state === 'DONE' ? 'info' : 'error');
          await showClock();
          await render();
        } catch (e) {
          if (e.status === 404) box.querySelector('.clock-move')?.remove();
          notify(e.message, 'error');
        }
      },
    }, input, el('button', { type: 'submit' }, '调整时钟')));
  }
  box.replaceChildren(...parts);
}

function showUser() {
  const me = user();
  const roleNames = { supervisor: '督查室', leader: '县领导', 'sector-reporter': '领域报送', 'unit-reporter': '单位报送' };
  const role = me.roles.map((r) => roleNames[r]).filter(Boolean).join('、');
  document.getElementById('who').replaceChildren(
    el('span', { id: 'user-name' }, `${me.name}${role ? `（${role}）` : ''}`),
    el('button', { type: 'button', class: 'link', onclick: signOut }, '退出'));
  document.body.classList.toggle('is-supervisor', me.roles.includes('supervisor'));
}

function followAlerts() {
  const controller = new AbortController();
  let pending;
  const refresh = () => {
    clearTimeout(pending);
    // a burst of notices (a clock move re-evaluates everything) refreshes the inbox once
    pending = setTimeout(() => { if (location.hash === '#/alerts') render(); }, 1500);
  };
  follow((notice) => {
    document.getElementById('live').textContent = `最新动态：${notice.taskId} ${notice.event}`;
    refresh();
  }, () => {
    document.getElementById('live').textContent = '离线期间的动态较多，已刷新督办单';
    refresh();
  }, controller.signal);
  addEventListener('pagehide', () => controller.abort());
}

async function start() {
  configure(await (await fetch('/app/config.json')).json());
  try {
    await completeSignIn();
  } catch (e) {
    notify(`登录失败：${e.message}`, 'error');
  }
  if (!(await accessToken())) {
    document.getElementById('view').replaceChildren(
      el('div', { class: 'card signin' },
        el('p', {}, '请使用督办系统账号登录。'),
        el('button', { type: 'button', id: 'sign-in', onclick: signIn }, '登录')));
    return;
  }
  showUser();
  addEventListener('hashchange', () => { clearNotice(); render(); });
  await Promise.all([showClock(), render()]);
  followAlerts();
}

start().catch((e) => notify(`页面无法启动：${e.message}`, 'error'));
