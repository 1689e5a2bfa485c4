// 考核排名: units and sectors ranked from recorded facts, with export.
import { get, download } from '../api.js';
import { act, el, section, table, SECTORS, notify } from '../ui.js';

let sector = '';

function rows(cards, sectorNames) {
  return cards.map((c) => [c.rank, sectorNames ? SECTORS[c.name] || c.name : c.name,
    sectorNames ? '' : SECTORS[c.sector] || c.sector || '', el('strong', {}, c.score),
    c.facts.led.tasks, c.facts.led.completedOnTime, c.facts.led.completedLate, c.facts.led.openOverdue,
    c.facts.coLed.tasks, `${c.facts.reportsOnTime}/${c.facts.reportsDue}`, c.facts.escalations]);
}

const HEADERS = ['排名', '名称', '领域', '得分', '牵头任务', '按期办结', '逾期办结', '逾期未办结', '配合任务', '按时报送', '升级督办'];

export async function scores(rerender) {
  const board = await get('/api/supervision/scorecards', { sector });
  return el('div', {},
    el('h1', {}, '考核排名', el('small', {}, ` 截至 ${board.asOf}`)),
    el('div', { class: 'toolbar' },
      el('label', {}, '领域', el('select', { onchange: (e) => { sector = e.target.value; rerender(); } },
        el('option', { value: '' }, '全部'),
        Object.entries(SECTORS).map(([code, name]) => el('option', { value: code, selected: code === sector }, name)))),
      el('button', {
        type: 'button', id: 'export-scores',
        onclick: () => act(async () => notify(`已导出：${await download('/api/supervision/scorecards/export.xlsx', { sector }, 'scorecards.xlsx')}`)),
      }, '导出Excel')),
    section('单位排名', table(HEADERS, rows(board.units, false))),
    sector ? '' : section('领域排名', table(HEADERS, rows(board.sectors, true))));
}
