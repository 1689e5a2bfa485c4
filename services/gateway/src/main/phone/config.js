// Where the phone app signs in: the realm through the gateway, this same origin (docs/phone.md), with the realm's
// public PKCE client for phones. A deployment with another realm changes these two lines.
export const REALM = `${location.origin}/realms/duban`;
export const CLIENT_ID = 'duban-mobile';
export const APP = `${location.origin}/m/`;
