// Offline drafts: whatever the user sends is first written to the phone (IndexedDB, through idb-keyval), with the
// Idempotency-Key it will always be sent with, and only then sent. Without signal it waits and goes when the network
// returns; a retry after a lost answer carries the same key and the same body, so the service counts it once.
import { createStore, del, entries, set } from 'idb-keyval';
import { ApiError, postJson, uploadEvidence } from './api.js';

const store = createStore('duban-phone', 'drafts');
const listeners = new Set();
const inFlight = new Map();
let flushing = null;

export const KINDS = { progress: '进度填报', extension: '延期申请', completion: '办结申请', acknowledge: '签收' };
const PATHS = { progress: 'progress', extension: 'extension-requests', completion: 'completion-claims', acknowledge: 'acknowledge' };

/** Tells {@code listener} the waiting drafts whenever they change. */
export function watch(listener) {
  listeners.add(listener);
  list().then(listener);
  return () => listeners.delete(listener);
}

async function changed() {
  const drafts = await list();
  listeners.forEach((l) => l(drafts));
}

export async function list() {
  return (await entries(store)).map(([, d]) => d).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Keeps a submission on the phone: {kind, taskId, sector, title, body, files: File[]}. The body's evidence is
 * completed with the ids the files get when they are uploaded.
 */
export async function keep({ kind, taskId, sector, title, body, files = [] }) {
  const draft = {
    key: crypto.randomUUID(),
    kind, taskId, sector, title, body,
    files: files.map((f) => ({ name: f.name, type: f.type, blob: f })),
    createdAt: new Date().toISOString(),
    state: 'waiting',
    error: null,
  };
  await set(draft.key, draft, store);
  await changed();
  return draft;
}

export async function discard(key) {
  await del(key, store);
  await changed();
}

/**
 * Sends one draft: its files first (the same file on the same task is the same evidence, so a retry uploads nothing
 * twice), then the submission with the draft's key. Resolves to the service's answer; a transient failure leaves the
 * draft waiting, a refusal marks it failed with the service's words.
 */
export function send(draft) {
  // the form and a flush may both want to send it: one request, both wait for it
  if (!inFlight.has(draft.key)) {
    inFlight.set(draft.key, sendNow(draft).finally(() => inFlight.delete(draft.key)));
  }
  return inFlight.get(draft.key);
}

async function sendNow(draft) {
  try {
    const evidence = [...(draft.body.evidence || [])];
    for (const file of draft.files) {
      const uploaded = await uploadEvidence(draft.sector, draft.taskId, file.blob, file.name);
      if (!evidence.includes(uploaded.id)) evidence.push(uploaded.id);
    }
    const body = draft.files.length || draft.body.evidence ? { ...draft.body, evidence } : draft.body;
    const path = `/api/${draft.sector}/tasks/${encodeURIComponent(draft.taskId)}/${PATHS[draft.kind]}`;
    const answer = await postJson(path, body, draft.key);
    await del(draft.key, store);
    await changed();
    return answer;
  } catch (e) {
    if (!e.transient) {
      await set(draft.key, { ...draft, state: 'failed', error: e.message, fields: e instanceof ApiError ? e.fields : {} }, store);
      await changed();
    }
    throw e;
  }
}

/** Sends every waiting draft, oldest first; one run at a time. Resolves to how many went. */
export function flush() {
  if (!flushing) {
    flushing = (async () => {
      let sent = 0;
      for (const draft of await list()) {
        if (draft.state !== 'waiting') continue;
        try {
          await send(draft);
          sent += 1;
        } catch (e) {
          if (e.transient) break; // still no network or service: the rest waits too
        }
      }
      return sent;
    })().finally(() => { flushing = null; });
  }
  return flushing;
}
