// Calls to the supervision API, same origin, with the signed-in user's token. Errors carry the problem+json.
import { accessToken, signIn } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `请求失败 (${status})`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function call(path, options = {}) {
  const token = await accessToken();
  if (!token) {
    await signIn();
    throw new ApiError(401, { detail: '请先登录' });
  }
  const headers = { Authorization: `Bearer ${token}`, ...(options.headers || {}) };
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  return response;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export async function get(path, params) {
  return (await call(path + query(params))).json();
}

export async function post(path, body) {
  const response = await call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return response.status === 204 ? null : response.json();
}

export async function put(path, body) {
  const response = await call(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return response.status === 204 ? null : response.json();
}

export async function upload(path, file, contentType) {
  return (await call(path, { method: 'POST', headers: { 'Content-Type': contentType }, body: file })).json();
}

/** Downloads a file the API serves (the token goes in a header, so a plain link cannot do it). */
export async function download(path, params, fallbackName) {
  const response = await call(path + query(params));
  const disposition = response.headers.get('Content-Disposition') || '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = utf8 ? decodeURIComponent(utf8[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** All tasks matching a filter, page by page (the API serves at most 200 at once). */
export async function allTasks(filter) {
  const items = [];
  for (let page = 0; ; page++) {
    const result = await get('/api/supervision/tasks', { ...filter, page, size: 200 });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

/**
 * Live alert notices (SSE over fetch, since EventSource cannot send a token). Calls onNotice for each;
 * stops when signal aborts. Reconnects after a pause when the stream ends.
 */
export async function follow(onNotice, signal) {
  while (!signal.aborted) {
    try {
      const token = await accessToken();
      const response = await fetch('/api/supervision/alerts/stream', {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        signal,
      });
      if (!response.ok) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.slice(0, end).split('\n').filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart()).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) onNotice(JSON.parse(data));
        }
      }
    } catch (e) {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}
