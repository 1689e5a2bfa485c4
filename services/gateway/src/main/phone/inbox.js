// 消息: alerts, reminders and notices as they happen, over the gateway's SSE stream (fetch-event-source, which can
// send the Authorization header that EventSource cannot). Each notice is kept on the phone; the last id the stream
// gave (a notice's, or the start a fresh stream opens with, or a resync's) goes back as Last-Event-ID when the stream
// is opened again — after a dropped connection, after the stream ended because the token expired (a fresh token is
// fetched first), or after the app was closed — so nothing is missed, also before the first notice.
import { fetchEventSource } from 'fetch-event-source';
import { createStore, get, set } from 'idb-keyval';
import { accessToken } from './auth.js';

const store = createStore('duban-phone-inbox', 'messages');
const KEPT = 200;
const listeners = new Set();
let status = 'closed';

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** what: 'status' (the connection), 'message' (a new notice) or 'read'. */
function changed(what) {
  listeners.forEach((l) => l(what, status));
}

export function connection() {
  return status;
}

/** The notices kept on this phone, newest first. */
export async function messages() {
  return (await get('messages', store)) || [];
}

async function keep(notice, id) {
  const all = await messages();
  const key = id || `${notice.event}:${notice.alertId || ''}:${notice.at || ''}`;
  if (all.some((m) => m.key === key)) return false;
  all.unshift({ key, receivedAt: new Date().toISOString(), read: false, ...notice });
  await set('messages', all.slice(0, KEPT), store);
  return true;
}

export async function markAllRead() {
  const all = await messages();
  if (all.some((m) => !m.read)) {
    await set('messages', all.map((m) => ({ ...m, read: true })), store);
    changed('read');
  }
}

class Reconnect extends Error {}

/** Follows the stream until {@code signal} aborts, reconnecting with a fresh token and the last event id. */
export async function follow(signal) {
  let pause = 1000;
  while (!signal.aborted) {
    const token = await accessToken().catch(() => null);
    if (!token || !navigator.onLine) {
      status = 'offline';
      changed('status');
      await wait(5000, signal);
      continue;
    }
    const headers = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
    const last = localStorage.getItem('duban.inbox.lastEventId');
    if (last) headers['Last-Event-ID'] = last;
    try {
      await fetchEventSource('/api/mobile/me/alerts/stream', {
        headers,
        signal,
        openWhenHidden: true,
        async onopen(response) {
          if (!response.ok) throw new Reconnect(`stream answered ${response.status}`);
          status = 'open';
          pause = 1000;
          changed('status');
        },
        async onmessage(message) {
          // called for every block, also one without data: the opening's id is the stream's start
          if (message.id) localStorage.setItem('duban.inbox.lastEventId', message.id);
          if (message.event === 'resync') changed('resync'); // what was missed cannot come one by one: reload lists
          if (!message.data || message.event) return; // a heartbeat, the opening, or a control (resync, end)
          let notice;
          try {
            notice = JSON.parse(message.data);
          } catch {
            return;
          }
          if (await keep(notice, message.id)) changed('message');
        },
        onclose() {
          throw new Reconnect('stream ended'); // e.g. at the token's expiry: come back with a fresh one
        },
        onerror(error) {
          throw error; // our loop decides when to come back, with a fresh token
        },
      });
    } catch (e) {
      if (signal.aborted) break;
    }
    status = 'reconnecting';
    changed('status');
    await wait(pause, signal);
    pause = Math.min(pause * 2, 30_000);
  }
  status = 'closed';
  changed('status');
}

function wait(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
