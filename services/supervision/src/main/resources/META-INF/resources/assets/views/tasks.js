// 任务清单 (filters, export) and 任务详情 (targets, milestones, progress, chart, alerts, audit).
import { allTasks, download, get, objectUrl, post } from '../api.js';
import { user } from '../auth.js';
import { act, date, dateTime, el, light, section, table, taskLink, notify,
  SECTORS, STATUSES, LIGHTS, RULES, ALERT_STATES, AUDIT_ACTIONS, TASK_KINDS, TARGET_TYPES, STRENGTHS } from '../ui.js';
import { progressChart } from './chart.js';

const FILTERS = ['sector', 'unit', 'status', 'light', 'q'];

function select(name, label, options, value) {
  return el('label', {}, label,
    el('select', { name },
      el('option', { value: '' }, '全部'),
      Object.entries(options).map(([code, text]) => el('option', { value: code, selected: code === value }, text))));
}

export async function taskList(params) {
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || '']));
  const [tasks, units] = await Promise.all([allTasks(filter), get('/api/supervision/units')]);
  const unitOptions = Object.fromEntries(units.items.map((u) => [u.name, u.name]));

  const form = el('form', {
    class: 'filters',
    onchange: (event) => event.currentTarget.requestSubmit(),
    onsubmit: (event) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      const chosen = new URLSearchParams([...data.entries()].filter(([, v]) => v));
      location.hash = `#/tasks${chosen.toString() ? `?${chosen}` : ''}`;
    },
  },
  select('sector', '领域', SECTORS, filter.sector),
  select('unit', '单位', unitOptions, filter.unit),
  select('status', '状态', STATUSES, filter.status),
  select('light', '亮灯', LIGHTS, filter.light),
  el('label', {}, '关键词', el('input', { type: 'search', name: 'q', value: filter.q, placeholder: '标题或原文' })),
  el('button', { type: 'submit' }, '筛选'));

  const exportButton = el('button', {
    type: 'button', id: 'export-ledger',
    onclick: () => act(async () => {
      const name = await download('/api/supervision/ledger/export.xlsx', filter, 'ledger.xlsx');
      notify(`已导出 ${tasks.length} 项任务：${name}`);
    }),
  }, `导出Excel（${tasks.length}项）`);

  const described = [filter.sector && SECTORS[filter.sector], filter.unit, filter.status && STATUSES[filter.status],
    filter.light && LIGHTS[filter.light], filter.q && `“${filter.q}”`].filter(Boolean).join(' · ');
  return el('div', {},
    el('h1', {}, '任务清单', described ? el('small', {}, ` ${described}`) : ''),
    form,
    el('div', { class: 'toolbar' }, el('span', { id: 'task-count' }, `共 ${tasks.length} 项`), exportButton),
    table(['编号', '领域', '任务', '牵头单位', '完成时限', '状态', '进度/计划', '亮灯'],
      tasks.map((t) => [taskLink(t.id), SECTORS[t.sector] || t.sector, t.title, t.leadUnit, date(t.deadline),
        t.evaluationProblem ? cannotEvaluate(t.evaluationProblem) : STATUSES[t.status] || t.status,
        `${t.percent}% / ${t.expectedPercent}%`, light(t.light)]),
      '没有符合条件的任务'));
}

/** A task the engine could not evaluate: its light is the last one it had, and the office should look at why. */
function cannotEvaluate(problem) {
  return el('span', { class: 'cannot-evaluate', title: problem }, '无法评估');
}

function alertActions(alert, rerender) {
  // The service says whether this caller may acknowledge (a leader only once escalated to their post).
  if (!alert.mayAcknowledge) return '';
  return el('button', {
    type: 'button', class: 'small', 'data-ack': alert.id,
    onclick: () => act(() => post(`/api/supervision/alerts/${encodeURIComponent(alert.id)}/acknowledge`),
      `已确认督办单 ${alert.id}`, rerender),
  }, '确认');
}

export function alertRows(alerts, rerender, withTask = false) {
  return alerts.map((a) => [
    ...(withTask ? [taskLink(a.taskId)] : []),
    light(a.light), RULES[a.rule] || a.rule, a.milestone || '', a.reason || '',
    ALERT_STATES[a.state] || a.state, `${a.escalationLevel}级`, dateTime(a.raisedAt),
    a.acknowledgedBy ? `${a.acknowledgedBy} ${dateTime(a.acknowledgedAt)}` : '',
    alertActions(a, rerender)]);
}

export const ALERT_HEADERS = ['亮灯', '规则', '节点', '原因', '状态', '升级', '亮灯时间', '确认', ''];

function reminderForm(task, rerender) {
  const text = el('textarea', { name: 'message', rows: 2, required: true, maxlength: 2000,
    'aria-label': '催办内容' }, `请${task.leadUnit}尽快报送“${task.title}”进展。`);
  return el('form', {
    class: 'office-only reminder',
    onsubmit: (event) => {
      event.preventDefault();
      act(() => post(`/api/supervision/tasks/${encodeURIComponent(task.id)}/reminders`, { message: text.value }),
        '已催办', rerender);
    },
  }, text, el('button', { type: 'submit' }, '催办'));
}

/** A photo's thumbnail, loaded with the token; a click opens the file itself in a new tab. */
function evidenceThumbnail(url, label) {
  const img = el('img', { alt: label, width: 96, height: 96, loading: 'lazy' });
  objectUrl(`${url}/thumbnail`).then((src) => { img.src = src; }).catch(() => img.remove());
  return img;
}

/**
 * 佐证材料 of one report, inline: uploaded files with their thumbnail, type, the photo's own time and place beside the
 * report's date, and a warning when the photo was taken long before the period; links as sent, marked unverifiable.
 */
function evidenceList(task, report) {
  const files = new Map((report.evidenceFiles || []).map((f) => [f.id, f]));
  return el('ul', { class: 'evidence' }, report.evidence.map((entry) => {
    const f = files.get(entry);
    if (!f) {
      const link = /^https?:\/\//.test(entry)
        ? el('a', { href: entry, target: '_blank', rel: 'noopener noreferrer' }, entry) : entry;
      return el('li', {}, link, el('span', { class: 'muted' }, '（链接，未上传文件，无法核验）'));
    }
    const url = `/api/${task.sector}/evidence/${encodeURIComponent(f.id)}`;
    const name = f.name || f.id;
    const open = el('button', {
      type: 'button', class: 'small',
      onclick: () => act(async () => { window.open(await objectUrl(url), '_blank', 'noopener'); }),
    }, `查看 ${name}`);
    return el('li', { 'data-evidence': f.id },
      f.contentType?.startsWith('image/') && f.contentType !== 'image/heic' ? evidenceThumbnail(url, name) : '',
      el('div', {}, open,
        el('div', { class: 'muted' }, `报送截至 ${report.asOf}`,
          f.takenAt ? ` · 拍摄于 ${dateTime(f.takenAt)}` : ' · 无拍摄时间',
          f.place ? ` · 拍摄地点 ${f.place.latitude.toFixed(5)}, ${f.place.longitude.toFixed(5)}` : ''),
        f.takenBeforePeriod ? el('div', { class: 'late flag-old-photo' }, '⚠ 拍摄时间早于报告期，请核实') : ''));
  }));
}

export async function taskPage(id, rerender) {
  const task = await get(`/api/supervision/tasks/${encodeURIComponent(id)}`);
  const me = user();
  const history = [...task.progress.history].sort((a, b) => b.asOf.localeCompare(a.asOf));
  const written = task.originalDeadline && task.originalDeadline !== task.deadline
    ? `${task.deadline}（原定 ${task.originalDeadline}）` : task.deadline;
  // a deadline on a rest day is judged on the next working day (docs/calendar.md)
  const deadline = task.effectiveDeadline && task.effectiveDeadline !== task.deadline
    ? `${written}（逢节假日顺延至 ${task.effectiveDeadline}）` : written;
  // the report names no unit or leader and dates few tasks: what the ledger assumed is marked (docs/ledger.md)
  const origin = (field, value) => {
    const from = task.provenance?.[field];
    if (!from || from.source === 'CONFIRMED') return value;
    if (from.source === 'REPORT') return el('span', {}, value, el('span', { class: 'muted' }, `（报告原文「${from.quote}」）`));
    return el('span', {}, value, el('span', { class: 'muted', title: '报告未写明，台账推定；督查室可确认或更正' }, '（推定）'));
  };

  return el('article', { class: 'task' },
    el('h1', {}, light(task.light), ` ${task.id} ${task.title}`),
    el('dl', { class: 'facts' },
      el('dt', {}, '领域'), el('dd', {}, SECTORS[task.sector] || task.sector),
      el('dt', {}, '任务类型'), el('dd', {}, TASK_KINDS[task.kind] || '—'),
      el('dt', {}, '状态'), el('dd', { id: 'task-status' }, STATUSES[task.status] || task.status,
        task.evaluationProblem ? cannotEvaluate(task.evaluationProblem) : ''),
      el('dt', {}, '完成时限'), el('dd', {}, origin('deadline', deadline)),
      el('dt', {}, '牵头单位'), el('dd', {}, origin('leadUnit', task.leadUnit)),
      el('dt', {}, '配合单位'), el('dd', {}, origin('coUnits', task.coUnits.join('、') || '—')),
      el('dt', {}, '责任领导'), el('dd', {}, origin('leader', task.leader)),
      el('dt', {}, '进度'), el('dd', {}, `实际 ${task.progress.percent}% · 计划 ${task.progress.expectedPercent}%（${task.evaluatedOn}）`)),
    el('blockquote', {}, task.text),
    el('div', { class: 'columns' },
      section('目标', table(['指标', '目标值', '类型', '力度', '基数'], task.targets.map((t) => [t.metric, `${t.value} ${t.unit}`,
        TARGET_TYPES[t.type] || '累计量', STRENGTHS[t.strength] || '确保', t.baseline ?? '—']), '无量化目标')),
      section('时间节点', table(['节点', '期限', '完成'], task.milestones.map((m) => [m.name, date(m.due),
        m.reachedOn ? `✓ ${m.reachedOn}` : (m.due < task.evaluatedOn ? el('span', { class: 'late' }, '逾期未完成') : '未完成')]),
      '无时间节点'))),
    section('计划与实际进度', progressChart(task),
      el('p', { class: 'legend' }, el('span', { class: 'key key-planned' }, '计划（按期限线性）'),
        el('span', { class: 'key key-reported' }, '报送（按累计数据）'), el('span', { class: 'key key-current' }, '当前评估'))),
    section('进度反馈', history.length ? el('ol', { class: 'timeline' }, history.map((r) => el('li', {},
      el('time', {}, r.asOf), ' ', el('strong', {}, r.unit), r.completed ? el('span', { class: 'badge' }, '申请办结') : '',
      r.figures?.length ? el('div', {}, r.figures.map((f) => `${f.metric} ${f.value}`).join('；')) : '',
      r.percent !== null && r.percent !== undefined ? el('div', {}, `完成 ${r.percent}%`) : '',
      r.milestonesReached?.length ? el('div', {}, `完成节点：${r.milestonesReached.join('、')}`) : '',
      r.narrative ? el('p', {}, r.narrative) : '',
      r.problems ? el('p', {}, `问题：${r.problems}`) : '',
      r.nextSteps ? el('p', {}, `下一步：${r.nextSteps}`) : '',
      r.evidence?.length ? evidenceList(task, r) : '',
      el('div', { class: 'muted' }, `${r.reportedBy || ''} ${dateTime(r.reportedAt)}${r.correctionOf ? ` · 更正 ${r.correctionOf}：${r.correctionReason}` : ''}`))))
      : el('p', { class: 'muted' }, '尚无进度反馈')),
    section('督办单', table(ALERT_HEADERS, alertRows(task.alerts, rerender), '没有督办单'),
      me.roles.includes('supervisor') ? reminderForm(task, rerender) : ''),
    section('操作记录', table(['时间', '操作人', '操作', '对象', '说明'], [...task.audit].reverse().map((a) => [dateTime(a.at),
      a.actor, AUDIT_ACTIONS[a.action] || a.action, a.subject || '', a.detail || '']))));
}
