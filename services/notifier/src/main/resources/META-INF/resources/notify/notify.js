// The office's notification page: receivers, the routing tree, silences and the delivery log of /api/notify.
// It lives in the notifier and is served through the gateway at /notify/, beside the office's page, whose sign-in,
// API helpers and styles it reuses (same origin, same session).
import { configure, completeSignIn, accessToken, signIn, user } from '/assets/auth.js';
import { get, post, ApiError } from '/assets/api.js';
import { el, notify, table, section, dateTime } from '/assets/ui.js';

const KINDS = { dingtalk: '钉钉机器人', wecom: '企业微信机器人', feishu: '飞书机器人', email: '邮件', webhook: '回调（Webhook）' };
const STATUS = { PENDING: '待发送', SENT: '已送达', FAILED: '已放弃' };

async function send(method, path, body) {
  const token = await accessToken();
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response.status === 204 ? null : response.json();
}

function failed(e) {
  const errors = e.problem?.errors || [];
  notify(e.message, 'error', errors);
}

async function receivers() {
  const list = await get('/api/notify/receivers');
  const name = el('input', { name: 'name', required: true, placeholder: '如：督查室钉钉群' });
  const kind = el('select', { name: 'kind' }, ...Object.entries(KINDS).map(([k, v]) => el('option', { value: k }, v)));
  const where = el('input', { name: 'where', required: true, placeholder: '机器人网址，或邮件地址（多个用逗号分隔）', size: 50 });
  const secret = el('input', { name: 'secret', type: 'password', placeholder: '加签密钥（可选，只写不读）', autocomplete: 'off' });
  const form = el('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const body = { name: name.value, kind: kind.value, secret: secret.value || undefined };
      if (kind.value === 'email') body.to = where.value.split(/[,，\s]+/).filter(Boolean); else body.url = where.value;
      try {
        await post('/api/notify/receivers', body);
        notify(`已添加接收方 ${name.value}`);
        await show();
      } catch (e) { failed(e); }
    },
  }, name, kind, where, secret, el('button', { type: 'submit' }, '添加'));
  return section('接收方',
    table(['名称', '类型', '地址', '密钥', '来源'], list.items.map((r) => [
      r.name, KINDS[r.kind] || r.kind, r.url || r.to.join('、'), r.hasSecret ? '已设置' : '—', r.provisioned ? '部署配置' : r.createdBy,
    ]), '尚无接收方'),
    form);
}

async function routes() {
  let current = '';
  try {
    current = JSON.stringify(await get('/api/notify/routes'), null, 2);
  } catch (e) {
    if (e.status !== 404) throw e;
    current = JSON.stringify({ receiver: '', groupBy: ['sector'], groupWait: '30s', groupInterval: '5m', repeatInterval: '4h',
      routes: [{ receiver: '', matchers: ['light=RED'], groupBy: ['taskId'] }] }, null, 2);
  }
  const text = el('textarea', { rows: 16, cols: 90, spellcheck: 'false', 'aria-label': '路由树（JSON）' });
  text.value = current;
  return section('路由（Alertmanager 的路由树，JSON）',
    el('p', { class: 'muted' }, '匹配标签：sector、unit、light、rule、level、event、taskId、alertId、leader、kind；'
      + '写法如 light=RED、sector=~agriculture|industry、light!=GREEN、rule!~DUE_.*。'),
    text,
    el('button', { type: 'button', onclick: async () => {
      try {
        await send('PUT', '/api/notify/routes', JSON.parse(text.value));
        notify('路由已保存');
      } catch (e) { e instanceof SyntaxError ? notify(`JSON 有误：${e.message}`, 'error') : failed(e); }
    } }, '保存路由'));
}

async function silences() {
  const list = await get('/api/notify/silences');
  const matchers = el('input', { required: true, size: 40, placeholder: '如：sector=reform, light!=RED' });
  const duration = el('input', { required: true, size: 6, value: '2h', 'aria-label': '时长' });
  const comment = el('input', { required: true, size: 30, placeholder: '原因' });
  return section(`静默（业务时间 ${dateTime(list.businessTime)}）`,
    table(['条件', '开始', '结束', '原因', '创建人', ''], list.items.map((s) => [
      s.matchers.join('，'), dateTime(s.startsAt), dateTime(s.endsAt), s.comment, s.createdBy,
      el('button', { type: 'button', class: 'link', onclick: async () => {
        try { await send('DELETE', `/api/notify/silences/${s.id}`); await show(); } catch (e) { failed(e); }
      } }, '结束'),
    ]), '当前没有静默'),
    el('form', { class: 'inline-form', onsubmit: async (event) => {
      event.preventDefault();
      try {
        await post('/api/notify/silences', { matchers: matchers.value.split(/[,，]/).map((m) => m.trim()).filter(Boolean),
          duration: duration.value, comment: comment.value });
        notify('静默已创建');
        await show();
      } catch (e) { failed(e); }
    } }, matchers, duration, comment, el('button', { type: 'submit' }, '静默')));
}

async function deliveries() {
  const alertId = el('input', { size: 40, placeholder: '督办单编号（AL-…），留空看最近 50 条' });
  const out = el('div');
  const load = async () => {
    const list = await get('/api/notify/deliveries', { alertId: alertId.value || undefined });
    out.replaceChildren(table(['消息', '接收方', '状态', '尝试', '创建', '送达', '最近一次回答'], list.items.map((d) => [
      d.title, d.receiver, STATUS[d.status] || d.status, d.attempts, dateTime(d.createdAt), d.sentAt ? dateTime(d.sentAt) : '—',
      d.log.length ? `${d.log.at(-1).outcome} ${d.log.at(-1).statusCode ?? ''} ${d.log.at(-1).answer ?? ''}` : '—',
    ]), '没有投递记录'));
  };
  await load();
  return section('投递记录',
    el('form', { class: 'inline-form', onsubmit: async (event) => { event.preventDefault(); try { await load(); } catch (e) { failed(e); } } },
      alertId, el('button', { type: 'submit' }, '查询')), out);
}

async function show() {
  const parts = await Promise.all([receivers(), routes(), silences(), deliveries()]);
  ['receivers', 'routes', 'silences', 'deliveries'].forEach((id, i) => parts[i].setAttribute('id', id));
  document.getElementById('view').replaceChildren(...parts);
}

async function start() {
  configure(await (await fetch('/app/config.json')).json());
  await completeSignIn().catch(() => null);
  if (!(await accessToken())) {
    document.getElementById('view').replaceChildren(el('div', { class: 'card signin' },
      el('p', {}, '请先登录督办台（督查室账号），登录后回到本页。'),
      el('button', { type: 'button', onclick: signIn }, '登录')));
    return;
  }
  const me = user();
  document.getElementById('who').textContent = me.name;
  if (!me.roles.includes('supervisor')) {
    document.getElementById('view').replaceChildren(el('p', {}, '通知推送只对督查室开放。'));
    return;
  }
  await show();
}

start().catch((e) => notify(`页面无法启动：${e.message}`, 'error'));
