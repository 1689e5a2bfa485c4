// 报告草稿: a new year's report becomes a draft ledger; the office reviews each drafted task (accept, edit, merge,
// split, reject) and publishes the accepted ones through the ordinary ledger import.
import { get, post, put, upload, query } from '../api.js';
import { act, el, notify, section, dateTime, taskLink, SECTORS } from '../ui.js';

const DRAFTS = '/api/supervision/ledger/drafts';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const KINDS = { INDICATOR: '指标', PROJECT: '项目', WORK: '工作' };
const TYPES = { AMOUNT: '累计量', LEVEL: '达到水平', CEILING: '上限', GROWTH: '增长', PROJECT_TOTAL: '总投资（背景）', SCOPE: '范围' };
const STRENGTHS = { MUST: '确保', STRIVE: '力争' };
const REVIEW = { PROPOSED: '待审', ACCEPTED: '已接受', REJECTED: '不采纳' };
const SOURCES = { REPORT: '依据原文', ASSUMED: '推定', CONFIRMED: '已确认' };

/** 报告草稿: earlier drafts, and a report to draft (a file, or pasted text). */
export async function drafts() {
  const list = (await get(DRAFTS)).items;
  const file = el('input', { type: 'file', id: 'report-file', accept: '.txt,.docx,.pdf' });
  const text = el('textarea', { id: 'report-text', rows: 8, placeholder: '或将报告全文粘贴在此（含“××年工作安排”部分）' });
  const year = el('input', { type: 'number', id: 'report-year', min: 2000, max: 2100, placeholder: '默认取报告中的年份' });
  const form = el('form', {
    class: 'import',
    onsubmit: (event) => {
      event.preventDefault();
      act(async () => {
        const chosen = file.files[0];
        let draft;
        if (chosen) {
          const lower = chosen.name.toLowerCase();
          const type = lower.endsWith('.docx') ? DOCX : lower.endsWith('.pdf') ? 'application/pdf' : 'text/plain; charset=UTF-8';
          draft = await upload(DRAFTS + query({ name: chosen.name, year: year.value }), chosen, type);
        } else {
          draft = await post(DRAFTS, { text: text.value, year: year.value ? Number(year.value) : null });
        }
        location.hash = `#/draft/${draft.id}`; // the draft's page says how many tasks await review
      });
    },
  },
  el('label', {}, '报告文件（纯文本 UTF-8、Word .docx 或 PDF）', file),
  el('label', {}, '粘贴报告', text),
  el('label', {}, '年度', year),
  el('button', { type: 'submit', id: 'make-draft' }, '生成草稿'));

  return el('div', {},
    el('h1', {}, '报告草稿', el('small', {}, ' 新一年的政府工作报告，几分钟变成任务台账草稿')),
    section('新建草稿', el('p', { class: 'muted' },
      '系统找出“工作安排”部分，逐条拆分任务，并建议领域、目标、时限、节点、力度和牵头单位；每项建议都注明出自原文哪几个字。审核后发布到台账。'),
    form),
    section('已有草稿', list.length ? el('ul', { class: 'draft-list' }, list.map((d) => el('li', {},
      el('a', { href: `#/draft/${d.id}` }, `${d.sourceName}（${d.year}年）`), ' ',
      el('span', { class: 'muted' }, `${d.state === 'PUBLISHED' ? '已发布' : '审核中'} · 待审 ${d.counts.proposed} · 已接受 ${d.counts.accepted} · 不采纳 ${d.counts.rejected} · ${dateTime(d.createdAt)}`))))
      : el('p', { class: 'muted' }, '暂无草稿')));
}

/** One draft under review. */
export async function draftPage(id, rerender) {
  const [draft, units] = await Promise.all([get(`${DRAFTS}/${encodeURIComponent(id)}`), get('/api/supervision/units')]);
  const open = draft.state === 'OPEN';
  const unitNames = units.items.map((u) => u.name);
  const path = `${DRAFTS}/${encodeURIComponent(id)}`;

  const interrupted = draft.state === 'PUBLISHING';
  const toolbar = open || interrupted ? el('div', { class: 'toolbar draft-toolbar' },
    interrupted ? el('span', { class: 'error' }, '上次发布未完成，请再次发布（任务编号不变）') : null,
    open ? el('button', { type: 'button', id: 'merge-selected', class: 'secondary',
      onclick: () => act(async () => {
        const keys = [...document.querySelectorAll('.draft-task input.pick:checked')].map((c) => c.value);
        const merged = await post(`${path}/merge`, { keys });
        notify(`已合并为 ${merged.key}：${merged.title.value}`);
      }, null, rerender) }, '合并所选') : null,
    open ? el('button', { type: 'button', id: 'accept-all', class: 'secondary',
      onclick: () => act(() => post(`${path}/accept`, {}), '待审任务已全部接受', rerender) }, '全部接受') : null,
    el('button', { type: 'button', id: 'publish',
      onclick: () => act(async () => {
        const result = await post(`${path}/publish`);
        notify(`已发布到台账：新交办 ${result.result.assigned} 项，变更 ${result.result.updated} 项`);
      }, null, rerender) }, '发布到台账')) : null;

  return el('div', {},
    el('h1', {}, draft.sourceName, el('small', {}, ` ${draft.year}年${draft.yearFound ? '' : '（年份为指定或推定）'}`)),
    el('p', { id: 'draft-counts' }, open ? '审核中' : interrupted ? '发布中' : `已于 ${dateTime(draft.publishedAt)} 发布`,
      ` · 待审 ${draft.counts.proposed} · 已接受 ${draft.counts.accepted} · 不采纳 ${draft.counts.rejected}`,
      el('span', { class: 'muted' }, ' · 标“建议”的字段为系统所拟，鼠标悬停可见出处')),
    draft.state === 'PUBLISHED' ? published(draft) : null,
    toolbar,
    el('div', { class: 'draft-tasks' }, draft.tasks.map((t) => taskCard(t, draft, path, unitNames, open, rerender))));
}

function published(draft) {
  const rows = Object.entries(draft.published || {});
  return section('已发布的任务', el('ul', { id: 'published-ids' }, rows.map(([key, taskId]) => el('li', {}, `${key} → `, taskLink(taskId)))));
}

/** “建议” with where it came from, for a field the office has not confirmed yet. */
function origin(field) {
  if (!field) return null;
  const p = field.provenance || {};
  const words = [SOURCES[p.source] || '', p.quote ? `「${p.quote}」` : '', p.rule ? `（${p.rule}）` : ''].join('');
  return field.proposed
    ? el('span', { class: 'proposed', title: words }, '建议', el('small', { class: 'source' }, words))
    : el('span', { class: 'confirmed', title: words }, '已确认');
}

function options(map, value, blank) {
  return [blank === undefined ? null : el('option', { value: '' }, blank),
    Object.entries(map).map(([code, text]) => el('option', { value: code, selected: code === value }, text))];
}

function taskCard(t, draft, path, unitNames, open, rerender) {
  const taskPath = `${path}/tasks/${encodeURIComponent(t.key)}`;
  const title = el('input', { name: 'title', value: t.title.value, maxlength: 30, 'aria-label': '标题', disabled: !open });
  const sector = el('select', { name: 'sector', 'aria-label': '领域', disabled: !open }, options(SECTORS, t.sector.value));
  const kind = el('select', { name: 'kind', 'aria-label': '类别', disabled: !open }, options(KINDS, t.kind.value));
  const strength = el('select', { name: 'strength', 'aria-label': '力度', disabled: !open },
    options(STRENGTHS, t.strength?.value || '', '—'));
  const lead = el('select', { name: 'leadUnit', 'aria-label': '牵头单位', disabled: !open },
    [...new Set([t.leadUnit.value, ...unitNames])].map((u) => el('option', { value: u, selected: u === t.leadUnit.value }, u)));
  const deadline = el('input', { type: 'date', name: 'deadline', value: t.deadline.value, 'aria-label': '完成时限', disabled: !open });
  const targets = el('div', { class: 'draft-rows targets' }, t.targets.map((x) => targetRow(x, open)));
  const milestones = el('div', { class: 'draft-rows milestones' }, t.milestones.map((m) => milestoneRow(m, open)));
  const splitWords = el('input', { name: 'split', placeholder: '从这几个字起拆成两项', 'aria-label': '拆分位置' });

  const edit = () => ({
    title: title.value,
    sector: sector.value,
    kind: kind.value,
    strength: strength.value,
    leadUnit: lead.value,
    deadline: deadline.value,
    targets: [...targets.querySelectorAll('.row')].map((row) => ({
      metric: row.querySelector('[name=metric]').value,
      value: Number(row.querySelector('[name=value]').value),
      unit: row.querySelector('[name=unit]').value,
      type: row.querySelector('[name=type]').value,
      strength: row.querySelector('[name=strength]').value,
    })),
    milestones: [...milestones.querySelectorAll('.row')].map((row) => ({
      name: row.querySelector('[name=name]').value,
      due: row.querySelector('[name=due]').value,
    })),
  });

  const actions = open ? el('div', { class: 'toolbar' },
    el('button', { type: 'button', class: 'save', onclick: () => act(() => put(taskPath, edit()), `${t.key} 已保存`, rerender) }, '保存修改'),
    el('button', { type: 'button', class: 'accept secondary', onclick: () => act(() => post(`${taskPath}/accept`), `${t.key} 已接受`, rerender) }, '接受'),
    el('button', { type: 'button', class: 'reject secondary', onclick: () => act(() => post(`${taskPath}/reject`), `${t.key} 不采纳`, rerender) }, '不采纳'),
    el('span', { class: 'split' }, splitWords,
      el('button', { type: 'button', class: 'secondary small', onclick: () => act(async () => {
        const at = t.text.indexOf(splitWords.value);
        if (!splitWords.value || at <= 0) throw new Error('请填写该任务原文中第二项开头的几个字');
        await post(`${taskPath}/split`, { at: t.start + at });
      }, `${t.key} 已拆分`, rerender) }, '拆分'))) : null;

  return el('article', { class: `card draft-task state-${t.state.toLowerCase()}`, 'data-key': t.key },
    el('header', {},
      open ? el('input', { type: 'checkbox', class: 'pick', value: t.key, 'aria-label': `选择 ${t.key} 以合并` }) : null,
      el('strong', {}, t.key), el('span', { class: 'badge review' }, REVIEW[t.state]),
      el('span', { class: 'muted' }, (t.section || []).join(' / ')), t.flags.map((f) => el('span', { class: 'badge' }, f))),
    el('blockquote', { class: 'draft-text', title: `原文第 ${t.start}–${t.end} 字` }, t.text),
    el('div', { class: 'draft-fields' },
      field('标题', title, t.title), field('领域', sector, t.sector), field('类别', kind, t.kind),
      field('牵头单位', lead, t.leadUnit), field('完成时限', deadline, t.deadline), field('力度', strength, t.strength)),
    el('div', { class: 'draft-group' }, el('h3', {}, '目标'), targets,
      open ? el('button', { type: 'button', class: 'link add-target', onclick: () => targets.append(targetRow(null, true)) }, '+ 添加目标') : null),
    el('div', { class: 'draft-group' }, el('h3', {}, '时间节点'), milestones,
      open ? el('button', { type: 'button', class: 'link', onclick: () => milestones.append(milestoneRow(null, true)) }, '+ 添加节点') : null),
    actions);
}

function field(label, control, proposed) {
  return el('label', {}, el('span', {}, label, ' ', origin(proposed)), control);
}

function targetRow(x, open) {
  const row = el('div', { class: 'row' },
    el('input', { name: 'metric', value: x?.metric || '', placeholder: '指标', 'aria-label': '指标', disabled: !open }),
    el('input', { name: 'value', type: 'number', step: 'any', value: x?.value ?? '', 'aria-label': '目标值', disabled: !open }),
    el('input', { name: 'unit', value: x?.unit || '', size: 4, 'aria-label': '单位', disabled: !open }),
    el('select', { name: 'type', 'aria-label': '目标类型', disabled: !open }, options(TYPES, x?.type || 'AMOUNT')),
    el('select', { name: 'strength', 'aria-label': '目标力度', disabled: !open }, options(STRENGTHS, x?.strength || '', '—')),
    x?.baseline ? el('span', { class: 'muted' }, `基数 ${x.baseline.value}${x.baseline.unit}`) : null,
    x ? origin(x) : null,
    open ? el('button', { type: 'button', class: 'link', 'aria-label': '删除目标', onclick: () => row.remove() }, '×') : null);
  return row;
}

function milestoneRow(m, open) {
  const row = el('div', { class: 'row' },
    el('input', { name: 'name', value: m?.name || '', placeholder: '节点', 'aria-label': '节点名称', disabled: !open }),
    el('input', { name: 'due', type: 'date', value: m?.due || '', 'aria-label': '节点日期', disabled: !open }),
    m ? origin(m) : null,
    open ? el('button', { type: 'button', class: 'link', 'aria-label': '删除节点', onclick: () => row.remove() }, '×') : null);
  return row;
}
