// Signing in with Keycloak through oidc-client-ts: authorization code + PKCE. Tokens stay in localStorage so that a
// phone reopened in a township without signal still knows its user and can send its drafts once the network is back
// (docs/phone.md says why and what it costs). The refresh token renews the access token on demand.
import { APP, CLIENT_ID, REALM } from './config.js';

const { UserManager, WebStorageStateStore } = globalThis.oidc;

const manager = new UserManager({
  authority: REALM,
  client_id: CLIENT_ID,
  redirect_uri: APP,
  post_logout_redirect_uri: APP,
  response_type: 'code',
  scope: 'openid',
  userStore: new WebStorageStateStore({ store: window.localStorage }),
  automaticSilentRenew: false,
  monitorSession: false,
  loadUserInfo: false,
  extraQueryParams: { ui_locales: 'zh-CN' },
});

/** Finishes a sign-in when Keycloak sent the browser back here with ?code=…; false when it did not. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return false;
  try {
    const user = await manager.signinRedirectCallback();
    history.replaceState(null, '', APP + (user.state?.hash || '#/tasks'));
  } catch (e) {
    history.replaceState(null, '', APP);
    throw new Error(`登录没有完成：${e.message || e}`);
  }
  return true;
}

export function signIn() {
  return manager.signinRedirect({ state: { hash: location.hash } });
}

export function signOut() {
  return manager.signoutRedirect();
}

/** Whether someone signed in on this phone (the token may have expired; it is renewed when needed). */
export async function signedIn() {
  return (await manager.getUser()) !== null;
}

/** A valid access token, renewed with the refresh token when it is about to expire; null when one must sign in. */
export async function accessToken() {
  let user = await manager.getUser();
  if (!user) return null;
  if ((user.expires_in ?? 0) < 30) {
    try {
      user = await manager.signinSilent();
    } catch (e) {
      if (!navigator.onLine) return null; // without signal: keep the user; try again when the network is back
      await manager.removeUser();
      return null;
    }
  }
  return user?.access_token ?? null;
}
