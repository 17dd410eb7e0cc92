// The local identity provider: an HTTPS server that looks like Microsoft Entra ID to MSAL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureDevCertificate, ensureProviderSecrets } from './certs.ts';
import { closeServer, listenAll } from './http.ts';
import { handleLogin } from './login.ts';
import { errorPage, pageHeaders, startPage } from './pages.ts';
import { createProvider } from './provider.ts';
import { forwardToProvider, MOUNT, type ProviderMount } from './provider-requests.ts';
import { DEFAULT_IDP_PORT, idpAuthority, idpIssuer } from './settings.ts';

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
  const mount: ProviderMount = {
    callback: provider.callback(),
    appOrigins,
    // Inline scripts of oidc-provider's own pages (form_post) get their hash appended to script-src.
    csp: `default-src 'none'; script-src 'self'; form-action 'self' ${appOrigins.join(' ')}; base-uri 'none'`,
  };

  function sendPage(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, pageHeaders(appOrigins));
    res.end(html);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', selfOrigin);
    const path = url.pathname;
    if (path === MOUNT || path.startsWith(`${MOUNT}/`))
      return forwardToProvider(mount, req, res, url);

    const login = /^\/login\/([\w-]+)$/.exec(path);
    if (login?.[1] && (req.method === 'GET' || req.method === 'POST')) {
      return handleLogin({ provider, appOrigins, selfOrigin }, req, res, login[1]);
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
