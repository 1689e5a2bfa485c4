// Calls to Duban's API through the gateway (this origin) with the user's token. Every failure becomes a sentence in
// Chinese: the services' own problem details are Chinese already; what has no such body gets one by its status.
import { accessToken, signIn } from './auth.js';

const BY_STATUS = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '您没有权限进行此操作',
  404: '没有找到该任务或材料，可能已被调整',
  405: '此操作不可用',
  408: '请求超时，请稍后重试',
  409: '与已有记录冲突，请刷新后重试',
  413: '文件或内容过大',
  415: '文件类型不支持：请上传照片（JPEG、PNG、HEIC）、PDF 或 Word、Excel、PowerPoint 文档',
  422: '提交的内容无法处理，请检查后重试',
  429: '操作太频繁，请稍后再试',
  500: '服务器出错，请稍后重试',
  502: '服务暂不可用，请稍后重试',
  503: '服务暂不可用，请稍后重试',
  504: '服务响应超时，请稍后重试',
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || BY_STATUS[status] || (status >= 500 ? BY_STATUS[500] : `请求失败（${status}）`));
    this.status = status;
    this.problem = problem || {};
  }

  /** Field errors of a 400 or 409, by field name (e.g. figures[0].value). */
  get fields() {
    return Object.fromEntries((this.problem.errors || []).map((e) => [e.field, e.message]));
  }

  /** Whether sending the same thing later may succeed (a broken link, a busy or restarting service). */
  get transient() {
    return this.status === 401 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export class OfflineError extends Error {
  constructor() {
    super('网络不可用');
    this.transient = true;
  }
}

export function messageOf(error) {
  if (error instanceof ApiError || error instanceof OfflineError) return error.message;
  return `出错了：${error?.message || error}`;
}

/** One call; throws OfflineError without a network, ApiError for an answer that is not 2xx. */
export async function call(path, { method = 'GET', json, body, headers = {}, idempotencyKey } = {}) {
  const token = await accessToken();
  if (!token) {
    if (!navigator.onLine) throw new OfflineError();
    await signIn();
    throw new ApiError(401);
  }
  const sent = { Authorization: `Bearer ${token}`, 'Accept-Language': 'zh-CN', Accept: 'application/json', ...headers };
  if (json !== undefined) {
    sent['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  if (idempotencyKey) sent['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method, headers: sent, body });
  } catch {
    throw new OfflineError();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path) {
  return (await call(path)).json();
}

export async function postJson(path, json, idempotencyKey) {
  const response = await call(path, { method: 'POST', json: json ?? {}, idempotencyKey });
  return response.status === 204 ? null : response.json();
}

/** Uploads one evidence file (multipart, field file); answers {id, sha256, contentType, size, takenAt, place, …}. */
export async function uploadEvidence(sector, taskId, file, name) {
  const form = new FormData();
  form.append('file', file, name || file.name || 'evidence');
  const path = `/api/${sector}/tasks/${encodeURIComponent(taskId)}/evidence`;
  return (await call(path, { method: 'POST', body: form })).json();
}

/** A file the API serves, as an object URL for an <img> (the token goes in a header, not in the URL). */
export async function objectUrl(path) {
  return URL.createObjectURL(await (await call(path, { headers: { Accept: '*/*' } })).blob());
}

/** A JSON document kept on the phone for when there is no network, with when it was fetched. */
export async function cached(key, path) {
  try {
    const value = await getJson(path);
    localStorage.setItem(`duban.cache.${key}`, JSON.stringify({ at: new Date().toISOString(), value }));
    return { value, at: null };
  } catch (e) {
    const kept = JSON.parse(localStorage.getItem(`duban.cache.${key}`) || 'null');
    if (kept && (e instanceof OfflineError || e.transient)) return kept;
    throw e;
  }
}
