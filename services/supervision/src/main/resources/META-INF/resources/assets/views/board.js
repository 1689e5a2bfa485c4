// 总览: the board, from the server's aggregates (GET /api/supervision/board; the page never fetches every task):
// counts by light, charts (Apache ECharts) of lights by sector, the year's RED/YELLOW trend, the unit ranking and
// the headline indicators, the tables behind them, the overdue list, and the 督查通报 to download.
import { get, download } from '../api.js';
import { user } from '../auth.js';
import { act, el, light, notify, section, table, taskLink, date } from '../ui.js';
import { chartBox, draw, lightsBySectorOption, trendOption, rankingOption, indicatorOption } from './chart.js';

function filtered(params, text, label) {
  if (!text) return '0';
  return el('a', { href: `#/tasks?${new URLSearchParams(params)}`, 'aria-label': label }, String(text));
}

function countRows(groups, key) {
  return groups.map((g) => {
    const params = { [key]: g.key };
    return [el('a', { href: `#/tasks?${new URLSearchParams(params)}` }, g.name),
      filtered({ ...params, light: 'GREEN' }, g.green, `${g.name}绿灯`),
      filtered({ ...params, light: 'YELLOW' }, g.yellow, `${g.name}黄灯`),
      filtered({ ...params, light: 'RED' }, g.red, `${g.name}红灯`),
      filtered({ ...params, status: 'OVERDUE' }, g.overdue, `${g.name}逾期任务`),
      g.total];
  });
}

/** The ISO week before the business date, e.g. 2022-W43: the bulletin leaders get on Monday. */
function lastWeek(asOf) {
  const day = new Date(`${asOf}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 7);
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((thursday - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function bulletins(asOf) {
  const period = el('input', { type: 'text', id: 'bulletin-period', value: lastWeek(asOf), size: 9,
    pattern: '\\d{4}-(W\\d{2}|\\d{2})', 'aria-label': '通报期间（周 2022-W23 或月 2022-06）' });
  const fetch = (kind) => act(async () => notify(`已下载：${await download(
    `/api/supervision/bulletins/${encodeURIComponent(period.value.trim())}.${kind}`, {}, `bulletin.${kind}`)}`));
  return section('督查通报',
    el('form', { class: 'toolbar', onsubmit: (e) => e.preventDefault() },
      el('label', {}, '期间', period),
      el('button', { type: 'button', id: 'bulletin-pdf', onclick: () => fetch('pdf') }, '下载PDF'),
      el('button', { type: 'button', class: 'secondary', id: 'bulletin-docx', onclick: () => fetch('docx') }, '下载Word')),
    el('p', { class: 'muted' }, '周报写作 2022-W23，月报写作 2022-06；内容为该期间最后一天（或今天）结束时的台账。'));
}

export async function board() {
  const me = user();
  if (!me.roles.some((r) => r === 'supervisor' || r === 'leader')) {
    return el('div', {}, el('h1', {}, '任务总览'),
      el('p', {}, '总览和督查通报供督查室和县领导使用。', el('a', { href: '#/tasks' }, '查看本单位任务')));
  }
  const b = await get('/api/supervision/board');
  const t = b.totals;
  const summary = el('div', { class: 'tiles' },
    el('a', { class: 'tile', href: '#/tasks' }, el('strong', {}, t.total), '项任务'),
    el('a', { class: 'tile tile-green', href: '#/tasks?light=GREEN' }, el('strong', {}, t.green), '绿灯'),
    el('a', { class: 'tile tile-yellow', href: '#/tasks?light=YELLOW' }, el('strong', {}, t.yellow), '黄灯'),
    el('a', { class: 'tile tile-red', href: '#/tasks?light=RED' }, el('strong', {}, t.red), '红灯'),
    el('a', { class: 'tile tile-overdue', href: '#/tasks?status=OVERDUE' }, el('strong', {}, t.overdue), '逾期'),
    el('div', { class: 'tile' }, el('strong', {}, t.completed), '已办结'));

  const last = b.trend[b.trend.length - 1] || { red: 0, yellow: 0 };
  const sectorChart = chartBox('chart-sectors', `各领域亮灯：${b.sectors.map((s) => `${s.name}绿${s.green}黄${s.yellow}红${s.red}`).join('，')}`);
  const trendChart = chartBox('chart-trend', `红黄灯走势，截至${b.asOf}红灯${last.red}项、黄灯${last.yellow}项`);
  const rankingChart = chartBox('chart-ranking', `单位考核排名，第一名${b.ranking[0]?.name ?? '无'}`,
    Math.max(240, 22 * b.ranking.length + 40));
  const indicatorChart = chartBox('chart-indicators', `主要经济指标完成目标：${b.indicators.map((i) => `${i.metric}${i.percent}%`).join('，')}`,
    Math.max(200, 26 * b.indicators.length + 40));

  const head = [el('span', { class: 'dot dot-green' }, '绿灯'), el('span', { class: 'dot dot-yellow' }, '黄灯'),
    el('span', { class: 'dot dot-red' }, '红灯'), '逾期', '合计'];
  const page = el('div', { class: 'board' },
    el('h1', {}, '任务总览'),
    el('p', { class: 'muted', id: 'board-as-of' }, `截至 ${b.asOf}（业务日期）`),
    summary,
    el('div', { class: 'columns' },
      section('各领域亮灯情况', sectorChart),
      section('红黄灯走势（每周末）', trendChart)),
    el('div', { class: 'columns' },
      section('单位考核排名', rankingChart, el('p', {}, el('a', { href: '#/scores' }, '得分构成与导出'))),
      section('主要经济指标完成情况', indicatorChart)),
    el('div', { class: 'columns' },
      section('按领域', table(['领域', ...head], countRows(b.sectors, 'sector'))),
      section('按牵头单位', table(['牵头单位', ...head], countRows(b.units, 'unit')))),
    section(`逾期任务（${b.overdue.length}）`, table(['编号', '任务', '牵头单位', '完成时限', '进度', '亮灯'],
      b.overdue.map((o) => [taskLink(o.id), o.title, o.leadUnit, date(o.deadline), `${o.percent}%`, light(o.light)]),
      '没有逾期任务')),
    bulletins(b.asOf));

  // drawn once the containers are in the page (ECharts measures them)
  queueMicrotask(() => requestAnimationFrame(() => Promise.all([
    draw(sectorChart, lightsBySectorOption(b.sectors)),
    draw(trendChart, trendOption(b.trend)),
    draw(rankingChart, rankingOption(b.ranking)),
    draw(indicatorChart, indicatorOption(b.indicators)),
  ]).catch((e) => notify(e.message, 'error'))));
  return page;
}
