// 总览: counts by light per sector and per lead unit, and the overdue list.
import { allTasks } from '../api.js';
import { el, light, section, table, taskLink, date, SECTORS } from '../ui.js';

function count(tasks, key) {
  const groups = new Map();
  for (const t of tasks) {
    const k = key(t);
    if (!groups.has(k)) groups.set(k, { GREEN: 0, YELLOW: 0, RED: 0, OVERDUE: 0, total: 0 });
    const g = groups.get(k);
    g[t.light] = (g[t.light] || 0) + 1;
    if (t.status === 'OVERDUE') g.OVERDUE++;
    g.total++;
  }
  return groups;
}

function filtered(params, text, label) {
  if (!text) return '0';
  return el('a', { href: `#/tasks?${new URLSearchParams(params)}`, 'aria-label': label }, String(text));
}

export async function board() {
  const tasks = await allTasks({});
  const totals = count(tasks, () => 'all').get('all') || { GREEN: 0, YELLOW: 0, RED: 0, OVERDUE: 0, total: 0 };
  const bySector = count(tasks, (t) => t.sector);
  const byUnit = count(tasks, (t) => t.leadUnit);
  const overdue = tasks.filter((t) => t.status === 'OVERDUE');

  const summary = el('div', { class: 'tiles' },
    el('a', { class: 'tile', href: '#/tasks' }, el('strong', {}, tasks.length), '项任务'),
    el('a', { class: 'tile tile-green', href: '#/tasks?light=GREEN' }, el('strong', {}, totals.GREEN), '绿灯'),
    el('a', { class: 'tile tile-yellow', href: '#/tasks?light=YELLOW' }, el('strong', {}, totals.YELLOW), '黄灯'),
    el('a', { class: 'tile tile-red', href: '#/tasks?light=RED' }, el('strong', {}, totals.RED), '红灯'),
    el('a', { class: 'tile tile-overdue', href: '#/tasks?status=OVERDUE' }, el('strong', {}, totals.OVERDUE), '逾期'));

  const sectorRows = Object.keys(SECTORS).filter((s) => bySector.has(s)).map((s) => {
    const g = bySector.get(s);
    const name = SECTORS[s];
    return [el('a', { href: `#/tasks?sector=${s}` }, name),
      filtered({ sector: s, light: 'GREEN' }, g.GREEN, `${name}绿灯`),
      filtered({ sector: s, light: 'YELLOW' }, g.YELLOW, `${name}黄灯`),
      filtered({ sector: s, light: 'RED' }, g.RED, `${name}红灯`),
      filtered({ sector: s, status: 'OVERDUE' }, g.OVERDUE, `${name}逾期任务`),
      g.total];
  });

  const unitRows = [...byUnit.entries()]
    .sort(([a, x], [b, y]) => y.RED - x.RED || y.YELLOW - x.YELLOW || a.localeCompare(b, 'zh-CN'))
    .map(([unit, g]) => [el('a', { href: `#/tasks?${new URLSearchParams({ unit })}` }, unit),
      filtered({ unit, light: 'GREEN' }, g.GREEN, `${unit}绿灯`),
      filtered({ unit, light: 'YELLOW' }, g.YELLOW, `${unit}黄灯`),
      filtered({ unit, light: 'RED' }, g.RED, `${unit}红灯`),
      filtered({ unit, status: 'OVERDUE' }, g.OVERDUE, `${unit}逾期任务`),
      g.total]);

  const head = ['', el('span', { class: 'dot dot-green' }, '绿灯'), el('span', { class: 'dot dot-yellow' }, '黄灯'),
    el('span', { class: 'dot dot-red' }, '红灯'), '逾期', '合计'];
  return el('div', { class: 'board' },
    el('h1', {}, '任务总览'),
    summary,
    el('div', { class: 'columns' },
      section('按领域', table(['领域', ...head.slice(1)], sectorRows)),
      section('按牵头单位', table(['牵头单位', ...head.slice(1)], unitRows))),
    section(`逾期任务（${overdue.length}）`, table(['编号', '任务', '牵头单位', '完成时限', '进度', '亮灯'],
      overdue.map((t) => [taskLink(t.id), t.title, t.leadUnit, date(t.deadline), `${t.percent}%`, light(t.light)]),
      '没有逾期任务')));
}
