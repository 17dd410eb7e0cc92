// Requests under the issuer's path go to oidc-provider, some rewritten first where MSAL and Entra
// differ from what oidc-provider expects.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, withBody, type MountedRequest } from './http.ts';
import { appPostLogoutRedirectUris } from './provider.ts';
import { DASHBOARD_CLIENT_ID, DEMO_TENANT_ID } from './settings.ts';

/** oidc-provider serves everything under the issuer's path, as Entra does under /<tenant>/v2.0. */
export const MOUNT = `/${DEMO_TENANT_ID}/v2.0`;
const DISCOVERY = '/.well-known/openid-configuration';
const DISCOVERY_CACHE_CONTROL = 'max-age=86400, private';

export type ProviderMount = {
  callback: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  appOrigins: string[];
  /** The Content-Security-Policy of oidc-provider's own pages. */
  csp: string;
};

export async function forwardToProvider(
  { callback, appOrigins, csp }: ProviderMount,
  req: MountedRequest,
  res: ServerResponse,
  url: URL,
) {
  const endpoint = url.pathname.slice(MOUNT.length) || '/';
  let forwarded: MountedRequest = req;
  if (req.method === 'POST' && endpoint === '/token') {
    forwarded = withBody(req, stripOfflineAccessOnRefresh(await readBody(req)));
  } else if (req.method === 'GET' && endpoint === '/session/end') {
    inferLogoutClient(url, appOrigins);
  } else if (req.method === 'GET' && endpoint === '/auth') {
    mapSelectAccountPrompt(url);
  } else if (req.method === 'GET' && endpoint === DISCOVERY) {
    // As Entra ID sends it: the browser keeps the document a day, so MSAL's discovery on each
    // page load (it holds the metadata only in memory) is answered from the HTTP cache.
    res.setHeader('Cache-Control', DISCOVERY_CACHE_CONTROL);
  }
  forwarded.originalUrl = `${url.pathname}${url.search}`;
  forwarded.url = `${endpoint}${url.search}`;
  res.setHeader('Content-Security-Policy', csp);
  await callback(forwarded, res);
}

/**
 * MSAL refreshes with the scopes it first asked for, offline_access included, but oidc-provider
 * left offline_access out of the refresh token (no prompt=consent) and would answer invalid_scope.
 */
function stripOfflineAccessOnRefresh(body: Buffer): Buffer {
  const form = new URLSearchParams(body.toString('utf8'));
  const scope = form.get('scope');
  if (form.get('grant_type') !== 'refresh_token' || !scope) return body;
  const kept = scope.split(' ').filter((s) => s && s !== 'offline_access');
  if (kept.length) form.set('scope', kept.join(' '));
  else form.delete('scope');
  return Buffer.from(form.toString());
}

/**
 * Entra apps often ask for prompt=select_account (Entra's account picker), which oidc-provider
 * rejects as unsupported. With one demo account, showing the sign-in form again is the equivalent.
 */
function mapSelectAccountPrompt(url: URL): void {
  const prompt = url.searchParams.get('prompt');
  if (prompt?.split(' ').includes('select_account')) {
    const mapped = new Set(prompt.split(' ').map((p) => (p === 'select_account' ? 'login' : p)));
    url.searchParams.set('prompt', [...mapped].join(' '));
  }
}

/**
 * MSAL's logoutRedirect sends post_logout_redirect_uri without client_id or id_token_hint, and
 * oidc-provider then ignores the URI. Entra accepts any URI registered for the app; name a client
 * that registered it so oidc-provider validates it and redirects back. Both clients register the
 * same URIs, and the sign-out page ends the whole IdP session, so naming the dashboard is enough.
 */
function inferLogoutClient(url: URL, appOrigins: string[]): void {
  const target = url.searchParams.get('post_logout_redirect_uri');
  if (!target || url.searchParams.has('client_id') || url.searchParams.has('id_token_hint')) return;
  if (appOrigins.flatMap(appPostLogoutRedirectUris).includes(target)) {
    url.searchParams.set('client_id', DASHBOARD_CLIENT_ID);
  }
}
