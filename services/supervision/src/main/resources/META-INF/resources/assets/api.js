// Calls to the supervision API, same origin, with the signed-in user's token. Errors carry the problem+json.
import { fetchEventSource, EventStreamContentType } from '@microsoft/fetch-event-source';
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

/** A file the API serves, as an object URL for an <img> or a new tab (the token goes in a header, not the URL). */
export async function objectUrl(path) {
  return URL.createObjectURL(await (await call(path)).blob());
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

/** All tasks matching a filter, 200 at a time, each request going on after the last id read (any depth). */
export async function allTasks(filter) {
  const items = [];
  for (let after; ;) {
    const result = await get('/api/supervision/tasks', { ...filter, after, size: 200 });
    items.push(...result.items);
    if (result.items.length < 200) return items;
    after = result.items.at(-1).id;
  }
}

/** A listing's total as a reader should see it: "10000+" when the count stopped at the listing window. */
export function totalOf(page) {
  return page.totalExact === false ? `${page.total}+` : String(page.total);
}

/** The stream was refused: for good (401/403: sign in again), or for a while (Retry-After, in ms). */
class StreamRefused extends Error {
  constructor(status, retryAfterMs) {
    super(`实时推送被拒绝 (${status})`);
    this.final = status === 401 || status === 403;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The server ended the stream (at the token's expiry): reconnect at once with a fresh token. */
class StreamEnded extends Error {}

/**
 * Live alert notices (docs/api.md "Alert streams") with @microsoft/fetch-event-source, which sends the token
 * and Last-Event-ID that EventSource cannot. Each connection asks for a fresh token, so the stream that ends at
 * the token's expiry comes back at once with a new one and resumes after the last notice received: nothing raised
 * meanwhile is lost. A hidden tab closes its stream and resumes when shown again. The library keeps the id of any
 * block, also one without data, so the start a fresh stream opens with, and a resync's id, are resumed from too.
 * onNotice(notice) for each notice; onResync() when the server cannot replay what was missed (reload the lists).
 * Stops when signal aborts, or when the user must sign in again.
 */
export function follow(onNotice, onResync, signal) {
  let pause = 1000;
  const backoff = () => {
    const now = pause;
    pause = Math.min(pause * 2, 30_000);
    return now;
  };
  return fetchEventSource('/api/supervision/alerts/stream', {
    signal,
    async fetch(input, init) {
      const token = await accessToken();
      if (!token) throw new StreamRefused(401, null);
      return window.fetch(input, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    },
    async onopen(response) {
      if (response.ok && response.headers.get('content-type')?.startsWith(EventStreamContentType)) {
        pause = 1000;
        return;
      }
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new StreamRefused(response.status, retryAfter > 0 ? retryAfter * 1000 : null);
    },
    onmessage(message) {
      if (message.event === 'resync') onResync();
      else if (!message.event && message.data) onNotice(JSON.parse(message.data));
      // 'end' (token expired) is followed by the close, and onclose reconnects with a fresh token
    },
    onclose() {
      throw new StreamEnded();
    },
    onerror(error) {
      if (error instanceof StreamRefused && error.final) throw error; // stops; the page's next call signs in
      if (error instanceof StreamRefused && error.retryAfterMs) return error.retryAfterMs;
      if (error instanceof StreamEnded) return 0;
      return backoff(); // network error or 5xx
    },
  }).catch(() => {});
}
