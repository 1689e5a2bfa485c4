// Signing in with Keycloak: authorization code + PKCE (RFC 7636) for the public client duban-web.
// Tokens live in sessionStorage: they end with the tab, and nothing is kept on disk.

const TOKENS = 'duban.tokens';
const PENDING = 'duban.pending-login';

let config;

export function configure(pageConfig) {
  config = pageConfig;
}

function endpoint(name) {
  return `${config.keycloakUrl}/protocol/openid-connect/${name}`;
}

function redirectUri() {
  return `${location.origin}/`;
}

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(length = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

/** Leaves for Keycloak's login page; the page comes back to the same view afterwards. */
export async function signIn() {
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ui_locales: 'zh-CN',
  });
  location.assign(`${endpoint('auth')}?${query}`);
}

async function tokenRequest(form) {
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error_description || body.error || `登录服务返回 ${response.status}`);
  }
  const tokens = {
    access: body.access_token,
    refresh: body.refresh_token,
    id: body.id_token,
    expiresAt: Date.now() + body.expires_in * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  return tokens;
}

/**
 * Finishes a sign-in when Keycloak sent the browser back with ?code=…&state=…; returns false when the page
 * was not opened by such a redirect.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/${pending?.hash || ''}`);
  if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
  if (!pending || pending.state !== params.get('state')) throw new Error('登录状态不匹配，请重新登录');
  await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return true;
}

function stored() {
  return JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
}

/** A valid access token, refreshed when it is about to expire; null when the user must sign in. */
export async function accessToken() {
  const tokens = stored();
  if (!tokens) return null;
  if (tokens.expiresAt - Date.now() > 30_000) return tokens.access;
  try {
    return (await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh })).access;
  } catch {
    sessionStorage.removeItem(TOKENS);
    return null;
  }
}

/** Who is signed in, from the access token's claims (name, roles, sector, unit, post). */
export function user() {
  const tokens = stored();
  if (!tokens) return null;
  const payload = tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  return {
    name: claims.preferred_username,
    roles: claims.realm_access?.roles || [],
    sector: claims.sector,
    unit: claims.unit,
    post: claims.post,
  };
}

export function signOut() {
  const tokens = stored();
  sessionStorage.removeItem(TOKENS);
  const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (tokens?.id) query.set('id_token_hint', tokens.id);
  location.assign(`${endpoint('logout')}?${query}`);
}
