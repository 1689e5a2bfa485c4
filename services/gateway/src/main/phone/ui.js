// Small DOM helpers and the words the app shows for the API's codes.

import { el } from './dom.js';

export { el };

export const LIGHTS = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' };
export const RULES = {
  DUE_SOON: '临近期限', LAGGING: '进度滞后', STALE_REPORT: '未按时报送', MILESTONE_OVERDUE: '节点逾期',
  CEILING_EXCEEDED: '突破上限', OVERDUE: '逾期未完成',
};
// The office's words for each status (TaskStatus, the office's page, exports), so a unit and the office say the same.
export const STATUSES = {
  NOT_STARTED: '未启动', ON_TRACK: '正常推进', AT_RISK: '有风险', OVERDUE: '逾期', COMPLETION_CLAIMED: '申请办结',
  COMPLETED: '按期办结', COMPLETED_LATE: '逾期办结',
};
export const ALERT_STATES = { OPEN: '待处理', ACKNOWLEDGED: '已确认', RESOLVED: '已解除' };
export const NOTICE_EVENTS = {
  AlertRaised: '新督办单', AlertEscalated: '督办升级', AlertAcknowledged: '督办单已确认', AlertResolved: '督办单已解除',
  ReminderSent: '催办',
};

export function light(code) {
  if (!code) return '';
  return el('span', { class: `light light-${code.toLowerCase()}` }, LIGHTS[code] || code);
}

/** What a task asks of the user, as a short chip. */
export function askText(ask) {
  switch (ask.kind) {
    case 'acknowledge': return '待签收';
    case 'alert': return `督办单·${RULES[ask.rule] || ask.rule}${ask.level > 1 ? `（${ask.level}级）` : ''}`;
    case 'notice': return `督办通知单${ask.number ? ` ${ask.number}` : ''}待回复`;
    case 'reminder': return '催办';
    case 'report': return `${Number(ask.month.slice(5))}月进度待报送`;
    default: return ask.kind;
  }
}

export function date(text) {
  return text ? text.slice(0, 10) : '';
}

export function dateTime(text) {
  if (!text) return '';
  return new Date(text).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export function section(title, ...children) {
  return el('section', {}, el('h2', {}, title), ...children);
}

export function toast(text) {
  const area = document.getElementById('toast');
  const line = el('p', {}, text);
  area.replaceChildren(line);
  setTimeout(() => { if (line.isConnected) line.remove(); }, 6000);
}
