// 台账导入导出: the whole ledger out to .xlsx; in from .xlsx or CSV (the office only), all or nothing.
import { download, upload } from '../api.js';
import { user } from '../auth.js';
import { act, el, notify, section } from '../ui.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function ledger() {
  const office = user().roles.includes('supervisor');
  const file = el('input', { type: 'file', id: 'ledger-file', name: 'file', accept: '.xlsx,.csv', required: true });
  const importForm = el('form', {
    class: 'import',
    onsubmit: (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) return;
      const type = chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX;
      act(async () => {
        const result = await upload('/api/supervision/ledger/import', chosen, type);
        notify(`导入完成：${describe(result)}`);
      });
    },
  }, el('label', {}, '台账文件（.xlsx 或 UTF-8 CSV，第一行为表头）', file), el('button', { type: 'submit' }, '导入'));

  return el('div', {},
    el('h1', {}, '台账导入导出'),
    section('导出', el('p', {}, '全部任务及当前状态、亮灯、进度、未办结督办单和最近报送日期。按条件导出请在“任务清单”中筛选后导出。'),
      el('button', { type: 'button', onclick: () => act(() => download('/api/supervision/ledger/export.xlsx', {}, 'ledger.xlsx')) },
        '导出全部任务台账')),
    office ? section('导入（督查室）',
      el('p', {}, '整表校验，有一处错误则全部不导入，错误按行列列出。'),
      el('button', { type: 'button', class: 'secondary', onclick: () => act(() => download('/api/supervision/ledger/template.xlsx', {}, 'template.xlsx')) },
        '下载模板'),
      importForm) : '');
}

function describe(result) {
  return `新交办 ${result.assigned} 项，变更 ${result.updated} 项，未变 ${result.unchanged} 项，新增单位 ${result.units} 个`;
}
