// 进度填报, 延期申请 and 办结申请: forms built from the task and its sector's rules, which they explain first.
// Whatever is submitted is kept on the phone before it is sent (drafts.js), so no signal loses nothing.
import { ApiError, cached, messageOf } from './api.js';
import * as drafts from './drafts.js';
import { el, section, toast } from './ui.js';

const ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps';

function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }); // YYYY-MM-DD
}

function megabytes(bytes) {
  return `${Math.round(bytes / 1048576)} MB`;
}

async function load(id) {
  const { value: task } = await cached(`task.${id}`, `/api/supervision/tasks/${encodeURIComponent(id)}`);
  const { value: rules } = await cached(`rules.${task.sector}`, `/api/${task.sector}/rules`);
  return { task, rules };
}

function field(label, input, hint, name) {
  const id = input.id || `f-${name || Math.random().toString(36).slice(2)}`;
  input.id = id;
  return el('div', { class: 'field', 'data-field': name || '' },
    el('label', { for: id }, label, hint ? el('span', { class: 'hint' }, hint) : ''), input);
}

/** Shows the service's field errors beside their fields, and the summary above the button. */
function showErrors(form, error) {
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
  const fields = error instanceof ApiError ? error.fields : {};
  for (const [name, message] of Object.entries(fields)) {
    const holder = form.querySelector(`[data-field="${CSS.escape(name)}"]`) || form.querySelector(`[data-field="${CSS.escape(name.replace(/\[\d+\]$/, ''))}"]`);
    (holder || form.querySelector('.summary')).append(el('div', { class: 'field-error' }, message));
  }
  const placed = Object.keys(fields).length > 0;
  form.querySelector('.summary').replaceChildren(el('p', { class: 'error', role: 'alert' },
    placed ? '有些内容需要修改，请看各项下方的红字提示。' : messageOf(error)));
}

/**
 * Keeps the submission, then tries to send it: sent → back to the task; no network → it waits in 待发送; refused →
 * the form shows why and the draft is dropped (the user corrects and submits again).
 */
async function submit(form, draftInput, { onConfirm } = {}) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  const draft = await drafts.keep(draftInput);
  try {
    const answer = await drafts.send(draft);
    if (answer?.reportId) {
      sessionStorage.setItem('duban.justSent', JSON.stringify({ taskId: draft.taskId, reportId: answer.reportId, at: Date.now() }));
    }
    toast(`${drafts.KINDS[draft.kind]}已提交`);
    location.hash = `#/task/${encodeURIComponent(draft.taskId)}`;
  } catch (e) {
    if (e.transient) {
      toast('没有网络：已保存在手机上，恢复网络后自动发送');
      location.hash = '#/outbox';
      return;
    }
    await drafts.discard(draft.key);
    if (e instanceof ApiError && e.problem.type === 'urn:duban:problem:confirmation-required' && onConfirm
        && confirm(`${e.message}\n\n确认数值无误并提交吗？`)) {
      button.disabled = false;
      return onConfirm();
    }
    showErrors(form, e);
    button.disabled = false;
  }
}

/** 进度填报 */
export async function reportForm(id) {
  const { task, rules } = await load(id);
  const latest = task.progress.latest;
  const last = Object.fromEntries((latest?.figures || []).map((f) => [f.metric, f.value]));
  const quantities = task.targets.filter((t) => t.metric !== '投资');
  const investment = task.targets.find((t) => t.metric === '投资');
  const open = task.milestones.filter((m) => !m.reachedOn);
  const needEvidence = open.filter((m) => rules.evidenceFor.includes(m.name)).map((m) => m.name);
  const confirmPercent = Math.round(rules.confirmAbove * 100);

  const asOf = el('input', { type: 'date', name: 'asOf', required: true, value: today(), max: today() });
  const figures = quantities.map((t) => ({ target: t, input: el('input', {
    type: 'number', inputmode: 'decimal', name: `figure:${t.metric}`, min: last[t.metric] ?? 0,
    step: rules.wholeUnits.includes(t.unit) ? 1 : 'any', value: last[t.metric] ?? '' }) }));
  const money = investment ? el('input', { type: 'number', inputmode: 'decimal', name: 'investment', min: latest?.investment ?? 0,
    step: 'any', value: latest?.investment ?? '' }) : null;
  const percent = quantities.length ? null : el('input', { type: 'number', inputmode: 'numeric', name: 'percent', min: 0, max: 100,
    step: 1, value: latest?.percent ?? '' });
  const milestones = open.map((m) => ({ milestone: m, box: el('input', { type: 'checkbox', name: `milestone:${m.name}` }) }));
  const narrative = el('textarea', { name: 'narrative', maxlength: 4000, rows: 3 });
  const problems = el('textarea', { name: 'problems', maxlength: 4000, rows: 2 });
  const nextSteps = el('textarea', { name: 'nextSteps', maxlength: 4000, rows: 2 });
  const files = el('input', { type: 'file', name: 'files', multiple: true, accept: ACCEPT });
  const completed = el('input', { type: 'checkbox', name: 'completed' });

  const form = el('form', { id: 'report-form', novalidate: true });
  const send = (confirmed) => {
    const body = {
      asOf: asOf.value,
      figures: figures.filter((f) => f.input.value !== '').map((f) => ({ metric: f.target.metric, value: Number(f.input.value) })),
      investment: money && money.value !== '' ? Number(money.value) : null,
      percent: percent && percent.value !== '' ? Number(percent.value) : null,
      milestonesReached: milestones.filter((m) => m.box.checked).map((m) => m.milestone.name),
      narrative: narrative.value || null,
      problems: problems.value || null,
      nextSteps: nextSteps.value || null,
      completed: completed.checked,
      ...(confirmed ? { confirmed: true } : {}),
    };
    return submit(form, { kind: 'progress', taskId: task.id, sector: task.sector, title: task.title, body,
      files: [...files.files] }, { onConfirm: () => send(true) });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(false);
  });

  // Element.append does not flatten arrays (it would print them): the figures and milestones are lists
  form.append(...[
    section('填报须知', el('ul', { class: 'rules', id: 'rules' },
      el('li', {}, '所有数值都是', el('strong', {}, '累计数'), '：填写截至「截至日期」的累计完成量，不是本月新增。'
        + '累计数不能低于上次填报的数值；上次填错需要改正的，请联系督查室提交更正。'),
      quantities.some((t) => rules.wholeUnits.includes(t.unit))
        ? el('li', {}, `以 ${[...new Set(quantities.filter((t) => rules.wholeUnits.includes(t.unit)).map((t) => t.unit))].join('、')} 为单位的指标只能填整数。`) : '',
      el('li', {}, `超过目标 ${confirmPercent}% 的数值需要再次确认，以免多打一位数。`),
      needEvidence.length || rules.evidenceOnCompletion
        ? el('li', {}, el('strong', {}, '佐证材料：'), [
          needEvidence.length ? `报告「${needEvidence.join('、')}」节点完成` : '',
          needEvidence.length && rules.evidenceOnCompletion ? '或' : '',
          rules.evidenceOnCompletion ? '把任务标为已完成' : '',
        ].join(''), '时必须上传验收文件或现场照片。') : '',
      el('li', {}, `照片请用相机原图：系统读取拍摄时间和地点，显示在报送日期旁；拍摄时间早于本报告期 ${rules.periodGraceDays} 天以上的照片会提示督查室核实。`),
      el('li', {}, `每个文件不超过 ${megabytes(rules.evidenceMaxSize)}，可上传照片（JPEG、PNG、HEIC）、PDF 或 Word、Excel、PowerPoint 文档；按文件内容识别类型，改扩展名无效。`),
      el('li', {}, '没有网络也可以提交：内容保存在手机上，恢复网络后自动发送，不会重复。'))),
    field('截至日期', asOf, '本次填报的数据截至哪一天', 'asOf'),
    figures.map((f) => field(`${f.target.metric}（${f.target.unit}，累计）`, f.input,
      `目标 ${f.target.value} ${f.target.unit}${last[f.target.metric] != null ? `；上次填报 ${last[f.target.metric]}（截至 ${latest.asOf}）` : '；尚未填报'}`,
      `figures[${figures.indexOf(f)}].value`)),
    money ? field('累计完成投资（万元）', money, `计划 ${investment.value} 万元${latest?.investment != null ? `；上次填报 ${latest.investment}` : ''}`, 'investment') : '',
    percent ? field('完成百分比（%）', percent, '此任务没有量化目标，请估计完成程度', 'percent') : '',
    milestones.length ? el('fieldset', { 'data-field': 'milestonesReached' }, el('legend', {}, '本次完成的时间节点'),
      milestones.map((m) => el('label', { class: 'check' }, m.box,
        `${m.milestone.name}（${m.milestone.due} 前）${needEvidence.includes(m.milestone.name) ? ' · 需上传佐证材料' : ''}`))) : '',
    field('工作进展', narrative, null, 'narrative'),
    field('存在问题', problems, null, 'problems'),
    field('下一步计划', nextSteps, null, 'nextSteps'),
    field('佐证材料（照片或文件）', files, '可多选；没有网络时先保存在手机上', 'evidence'),
    el('label', { class: 'check' }, completed, '任务已全部完成'),
    el('div', { class: 'summary' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, '提交进度'),
      el('a', { class: 'button secondary', href: `#/task/${encodeURIComponent(id)}` }, '取消')),
  ].flat().filter((node) => node !== ''));
  return el('div', {}, el('h2', {}, `进度填报：${task.title}`), form);
}

/** 延期申请 */
export async function extensionForm(id) {
  const { task } = await load(id);
  const deadline = el('input', { type: 'date', name: 'requestedDeadline', required: true, min: task.deadline });
  const reason = el('textarea', { name: 'reason', required: true, maxlength: 2000, rows: 4 });
  const form = el('form', { id: 'extension-form', novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      submit(form, { kind: 'extension', taskId: task.id, sector: task.sector, title: task.title,
        body: { requestedDeadline: deadline.value || null, reason: reason.value } });
    } },
  el('p', { class: 'rules' }, `现在的完成时限是 ${task.deadline}。延期需要督查室批准；批准前仍按原时限督办。`),
  field('申请延期到', deadline, `须晚于 ${task.deadline}`, 'requestedDeadline'),
  field('延期理由', reason, '说明原因和保障措施', 'reason'),
  el('div', { class: 'summary' }),
  el('div', { class: 'actions' }, el('button', { type: 'submit' }, '提交延期申请'),
    el('a', { class: 'button secondary', href: `#/task/${encodeURIComponent(id)}` }, '取消')));
  return el('div', {}, el('h2', {}, `延期申请：${task.title}`), form);
}

/** 办结申请, with evidence */
export async function completionForm(id) {
  const { task, rules } = await load(id);
  const completedOn = el('input', { type: 'date', name: 'completedOn', required: true, max: today(), value: today() });
  const narrative = el('textarea', { name: 'narrative', maxlength: 4000, rows: 4 });
  const files = el('input', { type: 'file', name: 'files', multiple: true, accept: ACCEPT });
  const form = el('form', { id: 'completion-form', novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      submit(form, { kind: 'completion', taskId: task.id, sector: task.sector, title: task.title,
        body: { completedOn: completedOn.value || null, narrative: narrative.value || null }, files: [...files.files] });
    } },
  el('p', { class: 'rules' }, '办结申请由督查室核验后销号。请上传验收文件、竣工照片等佐证材料；'
    + `每个文件不超过 ${megabytes(rules.evidenceMaxSize)}，照片的拍摄时间和地点会一并提交。`),
  field('完成日期', completedOn, null, 'completedOn'),
  field('完成情况', narrative, null, 'narrative'),
  field('佐证材料（照片或文件）', files, '可多选', 'evidence'),
  el('div', { class: 'summary' }),
  el('div', { class: 'actions' }, el('button', { type: 'submit' }, '提交办结申请'),
    el('a', { class: 'button secondary', href: `#/task/${encodeURIComponent(id)}` }, '取消')));
  return el('div', {}, el('h2', {}, `办结申请：${task.title}`), form);
}
