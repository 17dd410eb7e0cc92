// The local identity provider: an HTTPS server that looks like Microsoft Entra ID to MSAL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureDevCertificate, ensureProviderSecrets } from './certs.ts';
import { closeServer, listenAll, readBody, withBody, type MountedRequest } from './http.ts';
import { errorPage, loginPage, pageHeaders, startPage } from './pages.ts';
import { appPostLogoutRedirectUris, createProvider, verifyCredentials } from './provider.ts';
import {
  DASHBOARD_CLIENT_ID,
  DEFAULT_IDP_PORT,
  DEMO_TENANT_ID,
  idpAuthority,
  idpIssuer,
} from './settings.ts';

export type IdpOptions = {
  port?: number;
  appOrigins: string[];
  accessTokenTtlSeconds?: number;
  /** Binds only this address; by default both loopback addresses, so `localhost` works either way. */
  host?: string;
};

export type RunningIdp = {
  issuer: string;
  authority: string;
  certPath: string;
  url: string;
  close(): Promise<void>;
};

/** oidc-provider serves everything under the issuer's path, as Entra does under /<tenant>/v2.0. */
const MOUNT = `/${DEMO_TENANT_ID}/v2.0`;
const WRONG_CREDENTIALS = 'Wrong email or password.';
const DISCOVERY = '/.well-known/openid-configuration';
const DISCOVERY_CACHE_CONTROL = 'max-age=86400, private';

export async function startIdp(options: IdpOptions): Promise<RunningIdp> {
  const port = options.port ?? DEFAULT_IDP_PORT;
  const appOrigins = options.appOrigins.map((origin) => new URL(origin).origin);
  const issuer = idpIssuer(port);
  const selfOrigin = new URL(issuer).origin;
  const [tls, secrets] = await Promise.all([ensureDevCertificate(), ensureProviderSecrets()]);
  const provider = createProvider({
    issuer,
    appOrigins,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    ...secrets,
  });
  const providerCallback = provider.callback();
  // Inline scripts of oidc-provider's own pages (form_post) get their hash appended to script-src.
  const providerCsp = `default-src 'none'; script-src 'self'; form-action 'self' ${appOrigins.join(' ')}; base-uri 'none'`;

  function sendPage(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, pageHeaders(appOrigins));
    res.end(html);
  }

  async function handleLogin(req: IncomingMessage, res: ServerResponse, uid: string) {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      details = undefined;
    }
    if (!details || details.uid !== uid) {
      sendPage(
        res,
        400,
        errorPage(
          'Sign-in expired',
          'This sign-in page has expired or was opened in another browser. Go back to the dashboard and sign in again.',
        ),
      );
      return;
    }
    if (details.prompt.name !== 'login') {
      // Consent is granted automatically (provider.ts), so only a sign-in can be pending here.
      sendPage(res, 400, errorPage('Sign-in error', 'This request cannot be completed here.'));
      return;
    }
    const action = `/login/${encodeURIComponent(uid)}`;
    if (req.method === 'GET') {
      const hint = details.params.login_hint;
      sendPage(res, 200, loginPage({ action, username: typeof hint === 'string' ? hint : '' }));
      return;
    }
    const origin = req.headers.origin;
    if (origin && origin !== selfOrigin) {
      sendPage(res, 403, errorPage('Sign-in refused', 'The form was sent from another site.'));
      return;
    }
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const username = form.get('username') ?? '';
    const accountId = verifyCredentials(username, form.get('password') ?? '');
    if (!accountId) {
      sendPage(res, 200, loginPage({ action, username, error: WRONG_CREDENTIALS }));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
  }

  async function handleProvider(req: MountedRequest, res: ServerResponse, url: URL) {
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
    res.setHeader('Content-Security-Policy', providerCsp);
    await providerCallback(forwarded, res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', selfOrigin);
    const path = url.pathname;
    if (path === MOUNT || path.startsWith(`${MOUNT}/`)) return handleProvider(req, res, url);

    const login = /^\/login\/([\w-]+)$/.exec(path);
    if (login?.[1] && (req.method === 'GET' || req.method === 'POST')) {
      return handleLogin(req, res, login[1]);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const origin = req.headers.origin;
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...(origin && appOrigins.includes(origin) ? { 'Access-Control-Allow-Origin': origin } : {}),
        Vary: 'Origin',
      });
      res.end('ok');
      return;
    }
    if (path === '/') {
      sendPage(res, 200, startPage(allowedReturnUrl(url.searchParams.get('return'), appOrigins)));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    sendPage(res, 404, errorPage('Not found', 'There is no page at this address.'));
  }

  const servers = await listenAll(
    port,
    options.host,
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        console.error('local IdP request failed:', error);
        if (!res.headersSent) sendPage(res, 500, errorPage('Error', 'Something went wrong.'));
        else res.end();
      });
    },
    tls,
  );

  return {
    issuer,
    authority: idpAuthority(port),
    certPath: tls.certPath,
    url: `${selfOrigin}/`,
    close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
  };
}

/** The `return` link of the start page, only to a known app origin (no open redirect). */
function allowedReturnUrl(value: string | null, appOrigins: string[]): string | undefined {
  if (!value) return undefined;
  const parsed = URL.parse(value);
  return parsed && appOrigins.includes(parsed.origin) ? parsed.href : undefined;
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
