// 计划与实际进度: the planned curve against the progress reported, drawn as SVG by hand.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const day = (text) => Date.parse(`${text}T00:00:00Z`);

const clamp = (p) => Math.max(0, Math.min(100, p));

/**
 * One target's percent done as the rule engine's TargetType counts it (docs/commitments.md), or null when it does
 * not count: a project total or a scope never, a limit or a rate only once reported.
 */
function targetPercent(t, reported) {
  const v = Number(t.value);
  const b = t.baseline == null ? 0 : Number(t.baseline);
  switch (t.type || 'AMOUNT') {
    case 'AMOUNT': return reported === undefined ? 0 : clamp(((reported - b) / v) * 100);
    case 'LEVEL': return reported === undefined ? 0 : (v <= b ? (reported >= v ? 100 : 0) : clamp(((reported - b) / (v - b)) * 100));
    case 'CEILING': return reported === undefined ? null : (reported <= v ? 100 : 0);
    case 'GROWTH': return reported === undefined ? null : clamp((reported / v) * 100);
    default: return null;
  }
}

/**
 * Percent done after each report, as the rule engine counts it: the mean over the targets that count; a task none of
 * whose targets counts uses its milestones when it has a scope and milestones, else the percent the unit reported.
 */
export function reportedCurve(task) {
  const reports = [...task.progress.history].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const figures = new Map();
  const reached = new Set();
  const byMilestones = task.milestones.length && task.targets.some((t) => t.type === 'SCOPE');
  let unitPercent = 0;
  return reports.map((r) => {
    for (const f of r.figures || []) figures.set(f.metric, Number(f.value));
    if (r.investment !== null && r.investment !== undefined) figures.set('投资', Number(r.investment));
    for (const m of r.milestonesReached || []) reached.add(m);
    if (r.percent !== null && r.percent !== undefined) unitPercent = r.percent;
    const shares = task.targets.map((t) => targetPercent(t, figures.get(t.metric))).filter((p) => p !== null);
    let percent;
    if (shares.length) percent = Math.round(shares.reduce((a, b) => a + b, 0) / shares.length);
    else if (byMilestones) percent = Math.round((task.milestones.filter((m) => reached.has(m.name)).length / task.milestones.length) * 100);
    else percent = unitPercent;
    return { date: r.asOf, percent };
  });
}

export function progressChart(task) {
  const width = 640;
  const height = 280;
  const pad = { left: 44, right: 16, top: 16, bottom: 36 };
  const start = day(task.plannedStart);
  const end = Math.max(day(task.deadline), day(task.evaluatedOn));
  const x = (t) => pad.left + ((t - start) / Math.max(end - start, 1)) * (width - pad.left - pad.right);
  const y = (p) => height - pad.bottom - (p / 100) * (height - pad.top - pad.bottom);

  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-label': `计划进度 ${task.progress.expectedPercent}%，实际进度 ${task.progress.percent}%` });
  for (const p of [0, 25, 50, 75, 100]) {
    chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(p), y2: y(p), class: 'grid' }));
    chart.append(svg('text', { x: pad.left - 6, y: y(p) + 4, 'text-anchor': 'end', class: 'axis' }, `${p}%`));
  }
  const months = new Date(start);
  months.setUTCDate(1);
  for (let m = new Date(months); m.getTime() <= end; m.setUTCMonth(m.getUTCMonth() + 1)) {
    if (m.getTime() < start) continue;
    chart.append(svg('text', { x: x(m.getTime()), y: height - pad.bottom + 18, 'text-anchor': 'middle', class: 'axis' },
      `${m.getUTCMonth() + 1}月`));
  }
  // the default plan is linear from the planned start to the deadline (docs: DESIGN.md, LAGGING)
  const planned = [[start, 0], [day(task.deadline), 100]];
  if (end > day(task.deadline)) planned.push([end, 100]);
  chart.append(svg('polyline', { points: planned.map(([t, p]) => `${x(t)},${y(p)}`).join(' '), class: 'planned' }));

  const reported = [[start, 0], ...reportedCurve(task).map((r) => [day(r.date), r.percent])];
  chart.append(svg('polyline', { points: reported.map(([t, p]) => `${x(t)},${y(p)}`).join(' '), class: 'reported' }));
  for (const [t, p] of reported.slice(1)) chart.append(svg('circle', { cx: x(t), cy: y(p), r: 3.5, class: 'reported-point' }));

  const today = day(task.evaluatedOn);
  chart.append(svg('line', { x1: x(today), x2: x(today), y1: pad.top, y2: height - pad.bottom, class: 'today' }));
  chart.append(svg('text', { x: x(today) + 4, y: pad.top + 10, class: 'axis' }, `今日 ${task.evaluatedOn}`));
  chart.append(svg('circle', { cx: x(today), cy: y(task.progress.expectedPercent), r: 4, class: 'planned-point' }));
  chart.append(svg('circle', { cx: x(today), cy: y(task.progress.percent), r: 5, class: 'current-point' }));
  for (const m of task.milestones) {
    const t = day(m.due);
    const mark = svg('path', { d: `M${x(t)},${height - pad.bottom} l-5,8 h10 z`, class: m.reachedOn ? 'milestone-done' : 'milestone' });
    mark.append(svg('title', {}, `${m.name} ${m.due}${m.reachedOn ? ` 已完成于 ${m.reachedOn}` : ''}`));
    chart.append(mark);
  }
  return chart;
}

// --- The board's charts: Apache ECharts, vendored by the build into /assets/vendor/echarts/ (pom.xml), drawn as
// SVG so they stay sharp on paper; each container names its figures for screen readers.

let echartsLoading;

/** Loads ECharts once, on the first page that draws a chart (1 MB the other pages do not need). */
export function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  echartsLoading ??= new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: '/assets/vendor/echarts/echarts.min.js' });
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('图表库未能加载'));
    document.head.append(script);
  });
  return echartsLoading;
}

const COLORS = { GREEN: '#1b7f3b', YELLOW: '#d69e2e', RED: '#c53030', accent: '#1c4e80' };
const charts = new Set();

/** A chart in a fresh container; it resizes with the window and is disposed of when the page leaves it. */
export function chartBox(id, label, height = 300) {
  const box = document.createElement('div');
  Object.assign(box, { id, className: 'echart' });
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', label);
  box.style.height = `${height}px`;
  return box;
}

export async function draw(container, option) {
  const echarts = await loadECharts();
  for (const chart of [...charts]) {
    if (!chart.getDom().isConnected) { chart.dispose(); charts.delete(chart); }
  }
  const chart = echarts.init(container, null, { renderer: 'svg' });
  chart.setOption({ textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily }, ...option });
  charts.add(chart);
  return chart;
}

addEventListener('resize', () => charts.forEach((c) => c.resize()));

export function lightsBySectorOption(sectors) {
  const series = [['GREEN', '绿灯', 'green'], ['YELLOW', '黄灯', 'yellow'], ['RED', '红灯', 'red']].map(([code, name, key]) => ({
    name, type: 'bar', stack: 'lights', itemStyle: { color: COLORS[code] }, data: sectors.map((s) => s[key]),
    label: { show: true, formatter: (p) => (p.value ? p.value : '') },
  }));
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: sectors.map((s) => s.name) }, yAxis: { type: 'value', minInterval: 1 }, series,
  };
}

export function trendOption(points) {
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => p.day.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '红灯', type: 'line', data: points.map((p) => p.red), itemStyle: { color: COLORS.RED }, smooth: true },
      { name: '黄灯', type: 'line', data: points.map((p) => p.yellow), itemStyle: { color: COLORS.YELLOW }, smooth: true },
    ],
  };
}

export function rankingOption(ranking) {
  const rows = [...ranking].reverse(); // highest at the top of a horizontal bar chart
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 150, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: rows.map((r) => `${r.rank}. ${r.name}`), axisLabel: { fontSize: 11 } },
    series: [{ name: '得分', type: 'bar', data: rows.map((r) => Number(r.score)), itemStyle: { color: COLORS.accent },
      label: { show: true, position: 'right' } }],
  };
}

export function indicatorOption(indicators) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 170, right: 48, top: 8, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: indicators.map((i) => i.metric), axisLabel: { fontSize: 11 } },
    series: [{
      name: '完成目标', type: 'bar', data: indicators.map((i) => ({ value: i.percent, itemStyle: { color: COLORS[i.light] } })),
      label: { show: true, position: 'right', formatter: '{c}%' },
      markLine: { symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#616e7c', type: 'dashed' }, label: { formatter: '目标' } },
    }],
  };
}
