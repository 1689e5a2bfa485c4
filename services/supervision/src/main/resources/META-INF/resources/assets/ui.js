// Small DOM helpers and the Chinese names of the ledger's codes.

import { el } from './dom.js';

export { el };

export const SECTORS = {
  agriculture: '三农',
  industry: '工业',
  'culture-tourism': '文旅',
  'urban-construction': '城乡建设',
  reform: '重点改革',
  livelihood: '民生',
};

export const LIGHTS = { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯' };

export const STATUSES = {
  NOT_STARTED: '未启动',
  ON_TRACK: '正常推进',
  AT_RISK: '有风险',
  OVERDUE: '逾期',
  COMPLETION_CLAIMED: '申请办结',
  COMPLETED: '按期办结',
  COMPLETED_LATE: '逾期办结',
};

export const RULES = {
  DUE_SOON: '临近期限',
  LAGGING: '进度滞后',
  STALE_REPORT: '未按期报送',
  MILESTONE_OVERDUE: '节点逾期',
  CEILING_EXCEEDED: '突破上限',
  OVERDUE: '任务逾期',
};

// how a target is judged and how hard the report commits (docs/commitments.md)
export const TASK_KINDS = { INDICATOR: '指标', PROJECT: '项目', WORK: '工作' };
export const TARGET_TYPES = { AMOUNT: '累计量', LEVEL: '达到值', CEILING: '上限', GROWTH: '增长率', PROJECT_TOTAL: '总投资', SCOPE: '范围' };
export const STRENGTHS = { MUST: '确保', STRIVE: '力争' };

export const ALERT_STATES = { OPEN: '待确认', ACKNOWLEDGED: '已确认', RESOLVED: '已解除' };
export const DECISION_STATES = { PENDING: '待审批', APPROVED: '已同意', REJECTED: '已驳回', VERIFIED: '已销号' };

export const AUDIT_ACTIONS = {
  'task.assigned': '交办',
  'task.updated': '任务变更',
  'assignment.acknowledged': '签收',
  'progress.reported': '进度反馈',
  'alert.raised': '亮灯督办',
  'alert.escalated': '督办升级',
  'alert.acknowledged': '确认督办单',
  'alert.resolved': '督办解除',
  'reminder.manual': '催办',
  'reminder.auto': '自动催办',
  'extension.requested': '延期申请',
  'extension.approved': '同意延期',
  'extension.rejected': '驳回延期',
  'completion.claimed': '申请办结',
  'completion.verified': '销号',
  'completion.rejected': '驳回办结',
  'notice.issued': '督办通知单',
  'notice.received': '签收通知单',
  'notice.replied': '通知单回执',
  'notice.overdue': '通知单逾期',
  'instruction.issued': '领导批示',
  'instruction.acknowledged': '签收批示',
  'instruction.answered': '批示办结',
  'instruction.overdue': '批示逾期',
};

export function light(code) {
  if (!code) return '';
  return el('span', { class: `light light-${code.toLowerCase()}`, title: code }, LIGHTS[code] || code);
}

export function taskLink(id) {
  return el('a', { href: `#/task/${encodeURIComponent(id)}` }, id);
}

export function date(value) {
  return value ? String(value).slice(0, 10) : '—';
}

export function dateTime(value) {
  if (!value) return '—';
  return new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function table(headers, rows, empty = '暂无') {
  return el('div', { class: 'table-wrap' },
    el('table', {},
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.length ? rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))
        : el('tr', {}, el('td', { colspan: headers.length, class: 'empty' }, empty)))));
}

export function section(title, ...content) {
  return el('section', { class: 'card' }, el('h2', {}, title), content);
}

/** A message under the header: info, or an error with the problem's row errors listed. */
export function notify(message, kind = 'info', errors = []) {
  const box = document.getElementById('notice');
  box.replaceChildren(el('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('span', {}, message),
    errors.length ? el('ul', { class: 'row-errors' }, errors.map((e) => el('li', {}, e.field ? `${e.field}：` : '', e.message)))
      : null,
    el('button', { type: 'button', class: 'link', 'aria-label': '关闭', onclick: () => box.replaceChildren() }, '×')));
}

export function clearNotice() {
  document.getElementById('notice').replaceChildren();
}

/** Runs an action, shows what went wrong, and re-renders on success. */
export async function act(action, success, rerender) {
  try {
    await action();
    if (success) notify(success);
    if (rerender) await rerender();
  } catch (e) {
    notify(e.message, 'error', e.problem?.errors || []);
  }
}
