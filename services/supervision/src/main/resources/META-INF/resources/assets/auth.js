// Signing in with Keycloak through oidc-client-ts (a maintained OIDC client): authorization code + PKCE for the
// public client duban-web. Tokens live in sessionStorage: they end with the tab, and nothing is kept on disk.
// The library's browser build (assets/vendor/oidc-client-ts, installed by Maven from src/main/web) sets
// globalThis.oidc.

let manager;
let claims = null;

export function configure(pageConfig) {
  const { UserManager, WebStorageStateStore } = globalThis.oidc;
  const home = `${location.origin}/`;
  manager = new UserManager({
    authority: pageConfig.keycloakUrl,
    client_id: pageConfig.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    extraQueryParams: { ui_locales: 'zh-CN' },
  });
}

/** Leaves for Keycloak's login page; the page comes back to the same view afterwards. */
export function signIn() {
  return manager.signinRedirect({ state: { hash: location.hash } });
}

/**
 * Finishes a sign-in when Keycloak sent the browser back with ?code=…&state=… (or ?error=…); returns false when
 * the page was not opened by such a redirect.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return false;
  try {
    const signedIn = await manager.signinRedirectCallback();
    history.replaceState(null, '', `/${signedIn.state?.hash || ''}`);
    claims = claimsOf(signedIn.access_token);
  } catch (e) {
    history.replaceState(null, '', '/');
    throw new Error(e.message || String(e));
  }
  return true;
}

/** A valid access token, renewed with the refresh token when it is about to expire; null when one must sign in. */
export async function accessToken() {
  let signedIn = await manager.getUser();
  if (signedIn && (signedIn.expires_in ?? 0) < 30) {
    try {
      signedIn = await manager.signinSilent();
    } catch {
      await manager.removeUser();
      signedIn = null;
    }
  }
  claims = signedIn ? claimsOf(signedIn.access_token) : null;
  return signedIn?.access_token ?? null;
}

/** Who is signed in (name, roles, sector, unit, post), from the access token of the last accessToken() call. */
export function user() {
  return claims;
}

export function signOut() {
  claims = null;
  return manager.signoutRedirect();
}

// The realm's roles and Duban's own claims are in the access token, not in the ID token's profile.
function claimsOf(accessTokenText) {
  const payload = accessTokenText.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const c = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (ch) => ch.charCodeAt(0))));
  return {
    name: c.preferred_username,
    roles: c.realm_access?.roles || [],
    sector: c.sector,
    unit: c.unit,
    post: c.post,
  };
}
