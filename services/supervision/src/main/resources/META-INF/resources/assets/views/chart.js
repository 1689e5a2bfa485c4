// 计划与实际进度: the planned curve against the progress reported, drawn as SVG by hand.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const day = (text) => Date.parse(`${text}T00:00:00Z`);

/**
 * Percent done after each report, as the rule engine counts it: the mean over targets of the cumulative
 * figure ÷ target (each capped at 100); a task without targets uses the percent the unit reported.
 */
export function reportedCurve(task) {
  const reports = [...task.progress.history].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const figures = new Map();
  let percent = 0;
  return reports.map((r) => {
    if (task.targets.length) {
      for (const f of r.figures || []) figures.set(f.metric, Number(f.value));
      const shares = task.targets.map((t) => Math.min(100, ((figures.get(t.metric) || 0) / Number(t.value)) * 100));
      percent = Math.round(shares.reduce((a, b) => a + b, 0) / shares.length);
    } else if (r.percent !== null && r.percent !== undefined) {
      percent = r.percent;
    }
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
