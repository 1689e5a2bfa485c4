// The phone app's shell: sign-in, the hash router, the network badge, the drafts waiting, live notices.
import { cached, messageOf } from './api.js';
import { completeSignIn, signIn, signOut, signedIn } from './auth.js';
import * as drafts from './drafts.js';
import { completionForm, extensionForm, reportForm } from './forms.js';
import * as inbox from './inbox.js';
import { el, toast } from './ui.js';
import { messagesPage, outboxPage, taskList, taskPage } from './views.js';

const view = document.getElementById('view');
const title = document.getElementById('title');
let me = null;
let rendering = 0;

const ROUTES = [
  [/^#\/task\/([^/]+)\/report$/, (id) => ['进度填报', () => reportForm(id)], 'tasks'],
  [/^#\/task\/([^/]+)\/extension$/, (id) => ['延期申请', () => extensionForm(id)], 'tasks'],
  [/^#\/task\/([^/]+)\/completion$/, (id) => ['办结申请', () => completionForm(id)], 'tasks'],
  [/^#\/task\/([^/]+)$/, (id) => ['任务详情', () => taskPage(id, me, render)], 'tasks'],
  [/^#\/messages$/, () => ['消息', () => messagesPage()], 'messages'],
  [/^#\/outbox$/, () => ['待发送', () => outboxPage(render)], 'outbox'],
  [/^.*$/, () => ['我的任务', () => taskList()], 'tasks'],
];

export async function render() {
  const turn = ++rendering;
  const hash = location.hash || '#/tasks';
  const [pattern, make, tab] = ROUTES.find(([p]) => p.test(hash));
  const [name, build] = make(...(pattern.exec(hash).slice(1).map(decodeURIComponent)));
  title.textContent = name;
  document.title = `${name} · 督办`;
  document.querySelectorAll('.tabs a').forEach((a) => a.toggleAttribute('aria-current', a.dataset.tab === tab));
  document.querySelectorAll('.tabs a[aria-current]').forEach((a) => a.setAttribute('aria-current', 'page'));
  try {
    const content = await build();
    if (turn !== rendering) return;
    view.replaceChildren(content, account());
  } catch (e) {
    if (turn !== rendering) return;
    view.replaceChildren(el('p', { class: 'error', role: 'alert' }, messageOf(e)),
      el('div', { class: 'actions' }, el('button', { type: 'button', onclick: render }, '重试')));
  }
  view.focus({ preventScroll: true });
}

function account() {
  if (!me) return '';
  return el('p', { class: 'muted account' }, `${me.name}${me.unit ? ` · ${me.unit}` : me.sector ? ` · ${me.sector}` : ''} `,
    el('button', { type: 'button', class: 'secondary', onclick: () => signOut() }, '退出登录'));
}

function showNetwork() {
  const badge = document.getElementById('net');
  badge.textContent = navigator.onLine ? '' : '离线';
  badge.classList.toggle('offline', !navigator.onLine);
}

function showCount(id, n) {
  const badge = document.getElementById(id);
  badge.hidden = !n;
  badge.textContent = n ? String(n) : '';
}

async function sendWaiting() {
  const sent = await drafts.flush().catch(() => 0);
  if (sent) {
    toast(`网络已恢复：${sent} 份待发送内容已提交`);
    if (/^#\/(outbox|tasks)?$/.test(location.hash || '#/tasks') || location.hash.startsWith('#/task/')) render();
  }
}

async function start() {
  showNetwork();
  try {
    await completeSignIn();
  } catch (e) {
    view.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
  }
  if (!(await signedIn())) {
    title.textContent = '督办 · 任务填报';
    view.replaceChildren(el('div', { class: 'signin' },
      el('p', {}, '请用单位账号登录，查看交办给您的任务并填报进度。'),
      el('button', { type: 'button', id: 'sign-in', onclick: () => signIn() }, '登录')));
    return;
  }
  try {
    me = (await cached('me', '/api/mobile/me')).value;
  } catch (e) {
    view.replaceChildren(el('p', { class: 'error', role: 'alert' }, messageOf(e)));
    return;
  }
  addEventListener('hashchange', render);
  addEventListener('online', () => { showNetwork(); sendWaiting(); });
  addEventListener('offline', showNetwork);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) sendWaiting(); });
  setInterval(sendWaiting, 30_000);
  drafts.watch((waiting) => showCount('waiting', waiting.length));
  inbox.onChange(async (what) => {
    showCount('unread', (await inbox.messages()).filter((m) => !m.read).length);
    if (what !== 'read' && location.hash === '#/messages') render();
  });
  inbox.follow(new AbortController().signal);
  await render();
  sendWaiting();
}

start();
