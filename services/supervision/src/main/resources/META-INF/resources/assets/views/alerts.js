// 督办单收件箱: alerts to acknowledge or remind, extension requests and completion claims to decide.
import { get, post, totalOf } from '../api.js';
import { user } from '../auth.js';
import { act, date, dateTime, el, section, table, taskLink, LIGHTS, ALERT_STATES, RULES } from '../ui.js';
import { alertRows, ALERT_HEADERS } from './tasks.js';

let filter = { state: 'OPEN', light: '' };

function remindButton(alert) {
  return el('button', {
    type: 'button', class: 'small secondary office-only',
    onclick: () => act(() => post(`/api/supervision/tasks/${encodeURIComponent(alert.taskId)}/reminders`,
      { message: `请抓紧办理督办单 ${alert.id}（${RULES[alert.rule] || alert.rule}）并反馈进展。` }), `已催办 ${alert.taskId}`),
  }, '催办');
}

function decision(kind, item, actions, rerender) {
  const reason = el('input', { type: 'text', name: 'reason', placeholder: '意见（驳回必填）', 'aria-label': '审批意见' });
  return el('form', { class: 'decision office-only', onsubmit: (e) => e.preventDefault() }, reason,
    actions.map(([label, verb, needsReason]) => el('button', {
      type: 'button', class: verb.includes('reject') ? 'small secondary' : 'small',
      onclick: () => act(async () => {
        if (needsReason && !reason.value.trim()) throw new Error('驳回须填写意见');
        await post(`/api/supervision/${kind}/${encodeURIComponent(item.id)}/${verb}`, { reason: reason.value.trim() || null });
      }, `${label}：${item.taskId}`, rerender),
    }, label)));
}

export async function inbox(rerender) {
  const me = user();
  const decides = me.roles.includes('supervisor') || me.roles.includes('leader');
  const [alerts, extensions, completions] = await Promise.all([
    get('/api/supervision/alerts', { ...filter, size: 200 }),
    decides ? get('/api/supervision/extensions', { state: 'PENDING' }) : { items: [] },
    decides ? get('/api/supervision/completions', { state: 'PENDING' }) : { items: [] },
  ]);
  const choose = (name, options) => el('label', {}, name === 'state' ? '状态' : '亮灯',
    el('select', {
      name,
      onchange: (e) => { filter = { ...filter, [name]: e.target.value }; rerender(); },
    }, el('option', { value: '' }, '全部'),
    Object.entries(options).map(([code, text]) => el('option', { value: code, selected: filter[name] === code }, text))));

  const rows = alertRows(alerts.items, rerender, true);
  alerts.items.forEach((a, i) => { if (a.state !== 'RESOLVED') rows[i][rows[i].length - 1] = el('span', { class: 'actions' }, rows[i].at(-1), remindButton(a)); });
  return el('div', {},
    el('h1', {}, '督办单'),
    el('form', { class: 'filters', onsubmit: (e) => e.preventDefault() }, choose('state', ALERT_STATES), choose('light', LIGHTS)),
    section(`督办单（${totalOf(alerts)}）`, table(['任务', ...ALERT_HEADERS], rows, '没有督办单')),
    decides ? section(`延期申请（待审批 ${extensions.total}）`, table(['任务', '单位', '申请期限', '理由', '申请时间', ''],
      extensions.items.map((x) => [taskLink(x.taskId), x.unit, date(x.requestedDeadline), x.reason, dateTime(x.requestedAt),
        decision('extensions', x, [['同意延期', 'approve', false], ['驳回', 'reject', true]], rerender)]), '没有待审批的延期申请')) : '',
    decides ? section(`办结申请（待销号 ${completions.total}）`, table(['任务', '单位', '完成日期', '说明', '佐证', ''],
      completions.items.map((c) => [taskLink(c.taskId), c.unit, date(c.completedOn), c.narrative || '',
        (c.evidence || []).join('、'), decision('completions', c, [['销号', 'verify', false], ['驳回', 'reject', true]], rerender)]),
      '没有待销号的办结申请')) : '');
}
