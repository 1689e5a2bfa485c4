// 我的任务, the task page, 消息 and 待发送.
import { ApiError, cached, getJson, messageOf, objectUrl, postJson } from './api.js';
import * as drafts from './drafts.js';
import * as inbox from './inbox.js';
import { ALERT_STATES, NOTICE_EVENTS, RULES, STATUSES, askText, date, dateTime, el, light, section, toast } from './ui.js';

function stale(at) {
  return at ? el('p', { class: 'warn' }, `没有网络：显示的是 ${dateTime(at)} 保存在手机上的内容`) : '';
}

/** 我的任务: most urgent first, each with its light, next date and what it asks. */
export async function taskList() {
  const { value: page, at } = await cached('tasks', '/api/mobile/me/tasks?size=50');
  const asked = page.items.filter((t) => t.asks.length).length;
  return el('div', {},
    stale(at),
    el('p', { class: 'muted', id: 'task-summary' }, `共 ${page.total} 项任务，${asked} 项需要处理`),
    page.items.length ? el('div', { id: 'tasks' }, page.items.map((t) => el('a', { class: 'card task', href: `#/task/${encodeURIComponent(t.id)}`, 'data-task': t.id },
      el('div', { class: 'row' }, light(t.light), el('span', { class: 'muted' }, t.id),
        el('span', { class: 'muted' }, STATUSES[t.status] || t.status || '')),
      el('h3', {}, t.title),
      el('div', { class: 'muted' }, nextText(t.next)),
      t.asks.length ? el('div', { class: 'row asks' }, t.asks.map((a) => el('span', {
        class: `chip${a.kind === 'alert' || a.kind === 'acknowledge' ? ' urgent' : ''}` }, askText(a)))) : '')))
      : el('p', {}, '没有需要您填报的任务。'));
}

function nextText(next) {
  if (!next?.date) return '';
  return next.what === 'milestone' ? `下一节点：${next.milestone}，${next.date} 前` : `完成时限：${next.date}`;
}

/** The unit the user reports for on this task: its own, or the lead unit for a sector's reporter. */
function myUnit(me, task) {
  return me.unit || task.leadUnit;
}

/** The task page: what it asks, targets with the latest reported values, milestones, alerts and history. */
/**
 * A report the phone sent a moment ago, until supervision shows it (it travels through Kafka): the page says so and
 * looks again every two seconds, for half a minute at most.
 */
function arriving(task, rerender) {
  const sent = JSON.parse(sessionStorage.getItem('duban.justSent') || 'null');
  if (!sent || sent.taskId !== task.id) return '';
  const seen = task.progress.history.some((r) => r.reportId === sent.reportId);
  if (seen || Date.now() - sent.at > 30_000) {
    sessionStorage.removeItem('duban.justSent');
    return '';
  }
  setTimeout(() => { if (location.hash === `#/task/${encodeURIComponent(task.id)}`) rerender(); }, 2000);
  return el('p', { class: 'warn', id: 'arriving' }, '已提交，督查室正在接收，稍后显示在填报记录中…');
}

export async function taskPage(id, me, rerender) {
  const { value: task, at } = await cached(`task.${id}`, `/api/supervision/tasks/${encodeURIComponent(id)}`);
  const unit = myUnit(me, task);
  const acknowledged = task.acknowledgements.some((a) => a.unit === unit);
  const latest = task.progress.latest;
  const reached = (latest?.figures || []).reduce((m, f) => ({ ...m, [f.metric]: f.value }), {});
  const acknowledge = el('button', {
    type: 'button', id: 'acknowledge',
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        const draft = await drafts.keep({ kind: 'acknowledge', taskId: id, sector: task.sector, title: task.title, body: {} });
        await drafts.send(draft);
        toast('已签收');
        // accepted by the sector service; supervision hears of it a moment later
        event.target.closest('.warn').replaceWith(el('p', { class: 'muted', id: 'acknowledged' }, `${unit} 已签收`));
      } catch (e) {
        toast(e.transient ? '没有网络：签收已保存在手机上，恢复网络后自动发送' : messageOf(e));
        event.target.disabled = false;
      }
    },
  }, '签收');
  const finished = ['COMPLETION_CLAIMED', 'COMPLETED', 'COMPLETED_LATE'].includes(task.status);
  return el('article', { class: 'task' },
    stale(at),
    arriving(task, rerender),
    el('div', { class: 'row' }, light(task.light), el('span', { class: 'muted' }, task.id),
      el('strong', { id: 'task-status' }, STATUSES[task.status] || task.status)),
    el('h2', {}, task.title),
    el('p', { class: 'muted' }, `牵头单位：${task.leadUnit}${task.coUnits.length ? `；配合单位：${task.coUnits.join('、')}` : ''}`),
    el('p', {}, `完成时限：${task.deadline}${task.originalDeadline !== task.deadline ? `（原定 ${task.originalDeadline}）` : ''}`
      + ` · 进度 ${task.progress.percent}%（计划 ${task.progress.expectedPercent}%）`),
    acknowledged ? el('p', { class: 'muted', id: 'acknowledged' }, `${unit} 已签收`) : el('div', { class: 'warn' }, `${unit} 尚未签收此任务。`, acknowledge),
    finished ? '' : el('div', { class: 'actions' },
      el('a', { class: 'button', href: `#/task/${encodeURIComponent(id)}/report`, id: 'to-report' }, '进度填报'),
      el('a', { class: 'button secondary', href: `#/task/${encodeURIComponent(id)}/extension` }, '延期申请'),
      el('a', { class: 'button secondary', href: `#/task/${encodeURIComponent(id)}/completion` }, '办结申请')),
    section('目标', task.targets.length ? el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, '指标'), el('th', {}, '目标'), el('th', {}, '最新填报'))),
      el('tbody', {}, task.targets.map((t) => el('tr', {}, el('td', {}, t.metric), el('td', {}, `${t.value} ${t.unit}`),
        el('td', {}, reachedValue(t, reached, latest))))))
      : el('p', { class: 'muted' }, '无量化目标，按完成百分比和时间节点填报')),
    section('时间节点', task.milestones.length ? el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, '节点'), el('th', {}, '期限'), el('th', {}, '完成'))),
      el('tbody', {}, task.milestones.map((m) => el('tr', {}, el('td', {}, m.name), el('td', {}, m.due),
        el('td', {}, m.reachedOn ? `✓ ${m.reachedOn}` : m.due < task.evaluatedOn ? el('span', { class: 'error' }, '逾期未完成') : '未完成')))))
      : el('p', { class: 'muted' }, '无时间节点')),
    section('督办单', task.alerts.filter((a) => a.state !== 'RESOLVED').length
      ? el('ul', { class: 'timeline' }, task.alerts.filter((a) => a.state !== 'RESOLVED').map((a) => el('li', {},
        el('div', { class: 'row' }, light(a.light), el('strong', {}, RULES[a.rule] || a.rule), el('span', {}, ALERT_STATES[a.state] || a.state),
          el('span', { class: 'muted' }, `${a.escalationLevel}级`)),
        a.reason ? el('div', {}, a.reason) : '', el('div', { class: 'muted' }, dateTime(a.raisedAt)),
        a.mayAcknowledge && a.state === 'OPEN' ? acknowledgeAlert(a) : '')))
      : el('p', { class: 'muted' }, '没有未解除的督办单')),
    section('填报记录', task.progress.history.length ? el('ol', { class: 'timeline', id: 'history' },
      task.progress.history.map((r) => reportItem(task, r))) : el('p', { class: 'muted' }, '尚无进度反馈')));
}

function reachedValue(target, reached, latest) {
  if (target.metric === '投资') return latest?.investment != null ? `${latest.investment} 万元` : '—';
  return reached[target.metric] != null ? `${reached[target.metric]} ${target.unit}` : '—';
}

function acknowledgeAlert(alert) {
  return el('button', {
    type: 'button', class: 'secondary',
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await postJson(`/api/supervision/alerts/${encodeURIComponent(alert.id)}/acknowledge`);
        toast('已确认督办单');
        event.target.remove();
      } catch (e) {
        toast(messageOf(e));
        event.target.disabled = false;
      }
    },
  }, '确认收到督办单');
}

function reportItem(task, r) {
  const files = new Map((r.evidenceFiles || []).map((f) => [f.id, f]));
  return el('li', { 'data-report': r.reportId },
    el('div', { class: 'row' }, el('strong', {}, `截至 ${r.asOf}`), el('span', { class: 'muted' }, r.unit),
      r.completed ? el('span', { class: 'chip' }, '标为已完成') : ''),
    r.figures?.length ? el('div', {}, r.figures.map((f) => `${f.metric} ${f.value}`).join('；')) : '',
    r.investment != null ? el('div', {}, `累计投资 ${r.investment} 万元`) : '',
    r.percent != null ? el('div', {}, `完成 ${r.percent}%`) : '',
    r.milestonesReached?.length ? el('div', {}, `完成节点：${r.milestonesReached.join('、')}`) : '',
    r.narrative ? el('p', {}, r.narrative) : '',
    r.evidence?.length ? el('ul', { class: 'evidence' }, r.evidence.map((entry) => {
      const f = files.get(entry);
      if (!f) return el('li', {}, el('span', { class: 'muted' }, `链接：${entry}`));
      const url = `/api/${task.sector}/evidence/${encodeURIComponent(f.id)}`;
      return el('li', {}, f.contentType?.startsWith('image/') && f.contentType !== 'image/heic' ? thumbnail(url, f.name || '照片') : '',
        el('div', {}, el('div', {}, f.name || f.id),
          el('div', { class: 'muted' }, `报送截至 ${r.asOf}${f.takenAt ? ` · 拍摄于 ${dateTime(f.takenAt)}` : ''}`),
          f.place ? el('div', { class: 'muted' }, `拍摄地点 ${f.place.latitude.toFixed(4)}, ${f.place.longitude.toFixed(4)}`) : '',
          f.takenBeforePeriod ? el('div', { class: 'error' }, '拍摄时间早于报告期，督查室会核实') : ''));
    })) : '',
    el('div', { class: 'muted' }, `${r.reportedBy || ''} ${dateTime(r.reportedAt)}`));
}

function thumbnail(url, name) {
  const img = el('img', { alt: `${name}（缩略图）`, width: 72, height: 72 });
  objectUrl(`${url}/thumbnail`).then((src) => { img.src = src; }).catch(() => img.remove());
  return img;
}

/** 消息: live notices kept on the phone, then the open 督办单 and the reminders of my tasks. */
export async function messagesPage() {
  const [notices, alerts, tasks] = await Promise.all([inbox.messages(),
    cached('alerts', '/api/mobile/me/alerts?size=50').catch(() => ({ value: { items: [] } })),
    cached('tasks', '/api/mobile/me/tasks?size=50').catch(() => ({ value: { items: [] } }))]);
  await inbox.markAllRead();
  const reminders = tasks.value.items.flatMap((t) => t.asks.filter((a) => a.kind === 'reminder').map((a) => ({ ...a, task: t })));
  const state = { open: '实时通知已连接', reconnecting: '实时通知已断开，正在重连…', offline: '没有网络，恢复后自动接收', closed: '实时通知未连接' };
  return el('div', {},
    el('p', { class: 'muted', id: 'stream-state' }, state[inbox.connection()] || ''),
    section('实时通知', notices.length ? el('ul', { class: 'timeline', id: 'notices' }, notices.map((n) => el('li', {},
      el('div', { class: 'row' }, n.light ? light(n.light) : '', el('strong', {}, NOTICE_EVENTS[n.event] || n.event),
        el('a', { href: `#/task/${encodeURIComponent(n.taskId)}` }, n.taskId)),
      n.rule ? el('div', {}, RULES[n.rule] || n.rule) : '', n.message ? el('div', {}, n.message) : '',
      el('div', { class: 'muted' }, dateTime(n.at || n.receivedAt)))))
      : el('p', { class: 'muted' }, '暂无新通知')),
    section('督办单', alerts.value.items.length ? el('ul', { class: 'timeline', id: 'alerts' }, alerts.value.items.map((a) => el('li', {},
      el('div', { class: 'row' }, light(a.light), el('strong', {}, RULES[a.rule] || a.rule), el('span', {}, ALERT_STATES[a.state] || a.state)),
      el('a', { href: `#/task/${encodeURIComponent(a.taskId)}` }, a.taskId), a.reason ? el('div', {}, a.reason) : '',
      el('div', { class: 'muted' }, dateTime(a.raisedAt)))))
      : el('p', { class: 'muted' }, '没有督办单')),
    section('催办', reminders.length ? el('ul', { class: 'timeline' }, reminders.map((r) => el('li', {},
      el('a', { href: `#/task/${encodeURIComponent(r.task.id)}` }, r.task.title), el('div', {}, r.message || '请尽快报送进展'),
      el('div', { class: 'muted' }, dateTime(r.at))))) : el('p', { class: 'muted' }, '没有催办')));
}

/** 待发送: what is kept on the phone and waits for the network (or was refused and needs the user). */
export async function outboxPage(rerender) {
  const waiting = await drafts.list();
  return el('div', {},
    el('p', { class: 'muted' }, '没有网络时提交的内容保存在这部手机上，恢复网络后自动发送；同一份内容只会被记录一次。'),
    waiting.length ? el('ul', { class: 'timeline', id: 'drafts' }, waiting.map((d) => el('li', { 'data-draft': d.key },
      el('div', { class: 'row' }, el('strong', {}, drafts.KINDS[d.kind]), el('span', { class: 'muted' }, d.taskId)),
      el('div', {}, d.title),
      d.body?.asOf ? el('div', { class: 'muted' }, `截至 ${d.body.asOf}`) : '',
      d.files.length ? el('div', { class: 'muted' }, `附件 ${d.files.length} 个：${d.files.map((f) => f.name).join('、')}`) : '',
      el('div', { class: d.state === 'failed' ? 'error' : 'muted' },
        d.state === 'failed' ? `未被接受：${d.error}` : `等待发送（保存于 ${dateTime(d.createdAt)}）`),
      el('div', { class: 'actions' },
        d.state === 'waiting' ? el('button', { type: 'button', onclick: () => sendOne(d, rerender) }, '立即发送') : '',
        el('button', { type: 'button', class: 'danger', onclick: async () => {
          if (confirm('删除后这份内容不会再发送，确定吗？')) {
            await drafts.discard(d.key);
            rerender();
          }
        } }, '删除')))))
      : el('p', { id: 'no-drafts' }, '没有等待发送的内容。'));
}

async function sendOne(draft, rerender) {
  try {
    await drafts.send(draft);
    toast(`${drafts.KINDS[draft.kind]}已发送`);
  } catch (e) {
    toast(e.transient ? `仍然无法发送：${messageOf(e)}` : messageOf(e));
  }
  rerender();
}

export { ApiError, getJson };
