// @vitest-environment node
// The local IdP over real HTTPS (trusting only its own certificate): discovery, login page, code flow.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdp } from './idp.ts';
import {
  API_AUDIENCE,
  API_SCOPE,
  API_SCOPE_NAME,
  DASHBOARD_CLIENT_ID,
  DEMO_TENANT_ID,
  DEMO_USER,
  idpIssuer,
} from './settings.ts';

const APP_ORIGIN = 'http://localhost:5173';
const REDIRECT_URI = `${APP_ORIGIN}/redirect.html`;

type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** A free port on both loopback addresses (the issuer contains the port, so port 0 cannot be used). */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const free = await Promise.all(
      ['127.0.0.1', '::1'].map(
        (host) =>
          new Promise<boolean>((resolve) => {
            const probe = createServer();
            probe.once('error', (error: NodeJS.ErrnoException) =>
              resolve(error.code === 'EADDRNOTAVAIL'),
            );
            probe.listen(port, host, () => probe.close(() => resolve(true)));
          }),
      ),
    );
    if (free.every(Boolean)) return port;
  }
  throw new Error('no free port found');
}

let port: number;
let ca: string;
let close: () => Promise<void>;
const cookies = new Map<string, string>();

function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<Reply> {
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
  const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        ca,
        method: init.method ?? (body ? 'POST' : 'GET'),
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...init.headers,
        },
      },
      (res) => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair = ''] = line.split(';');
          const [name = '', value = ''] = pair.split('=');
          if (value) cookies.set(name, value);
          else cookies.delete(name);
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function location(reply: Reply, base: string): string {
  expect(reply.status).toBe(303);
  return new URL(String(reply.headers.location), base).href;
}

const verifier = randomBytes(32).toString('base64url');

/** Starts an authorization request the way MSAL does and returns the login page URL. */
async function startSignIn(): Promise<string> {
  const authorize = new URL(`${idpIssuer(port)}/auth`);
  authorize.search = new URLSearchParams({
    client_id: DASHBOARD_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${API_SCOPE} openid profile offline_access`,
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    client_info: '1',
  }).toString();
  const loginUrl = location(await send(authorize.href), authorize.href);
  expect(new URL(loginUrl).pathname).toMatch(/^\/login\/[\w-]+$/);
  return loginUrl;
}

beforeAll(async () => {
  port = await freePort();
  const idp = await startIdp({ port, appOrigins: [APP_ORIGIN, 'http://127.0.0.1:5173'] });
  ca = readFileSync(idp.certPath, 'utf8');
  close = idp.close;
});

afterAll(async () => {
  await close?.();
});

describe('local identity provider', () => {
  it('publishes Entra-shaped discovery with CORS for the app', async () => {
    const reply = await send(`${idpIssuer(port)}/.well-known/openid-configuration`, {
      headers: { origin: APP_ORIGIN },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    // As Entra ID: the browser may keep the document a day, so a page load need not ask again.
    expect(reply.headers['cache-control']).toBe('max-age=86400, private');
    const metadata = JSON.parse(reply.body) as Record<string, string>;
    expect(metadata.issuer).toBe(`https://localhost:${port}/${DEMO_TENANT_ID}/v2.0`);
    expect(metadata.token_endpoint).toBe(`${idpIssuer(port)}/token`);
  });

  it('answers health checks and links back only to known app origins', async () => {
    expect((await send(`https://localhost:${port}/healthz`)).body).toBe('ok');
    const known = await send(
      `https://localhost:${port}/?return=${encodeURIComponent(`${APP_ORIGIN}/x`)}`,
    );
    expect(known.body).toContain(`<a href="${APP_ORIGIN}/x">Back to the dashboard</a>`);
    const foreign = await send(`https://localhost:${port}/?return=https%3A%2F%2Fevil.example%2F`);
    expect(foreign.body).toContain('your browser now trusts its development certificate');
    expect(foreign.body).not.toContain('Back to the dashboard');
  });

  it('re-renders the login page with an alert on a wrong password', async () => {
    const loginUrl = await startSignIn();
    const page = await send(loginUrl);
    expect(page.status).toBe(200);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<label for="username">Email</label>');

    const wrong = await send(loginUrl, {
      form: { username: DEMO_USER.username, password: 'not-the-password' },
    });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatch(/role="alert">Wrong email or password\.</);
    expect(wrong.body).toContain(`value="${DEMO_USER.username}"`);
    expect(wrong.body).not.toContain(DEMO_USER.password);
  });

  it('completes code + PKCE with an Entra-like JWT access token, client_info and refresh', async () => {
    const loginUrl = await startSignIn();
    const resume = location(
      await send(loginUrl, {
        form: { username: DEMO_USER.username, password: DEMO_USER.password },
      }),
      loginUrl,
    );
    const callback = new URL(location(await send(resume), resume));
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    const code = new URLSearchParams(callback.hash.slice(1)).get('code') ?? '';

    const token = await send(`${idpIssuer(port)}/token`, {
      headers: { origin: APP_ORIGIN },
      form: {
        client_id: DASHBOARD_CLIENT_ID,
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: REDIRECT_URI,
        client_info: '1',
      },
    });
    expect(token.status).toBe(200);
    expect(token.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    const tokens = JSON.parse(token.body) as Record<string, string>;
    expect(JSON.parse(Buffer.from(tokens.client_info ?? '', 'base64url').toString())).toEqual({
      uid: DEMO_USER.oid,
      utid: DEMO_TENANT_ID,
    });

    const jwks = JSON.parse((await send(`${idpIssuer(port)}/jwks`)).body) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.access_token ?? '', createLocalJWKSet(jwks), {
      issuer: idpIssuer(port),
      audience: API_AUDIENCE,
      algorithms: ['RS256'],
    });
    expect(payload).toMatchObject({
      scp: API_SCOPE_NAME,
      azp: DASHBOARD_CLIENT_ID,
      tid: DEMO_TENANT_ID,
      oid: DEMO_USER.oid,
      sub: DEMO_USER.oid,
      ver: '2.0',
    });

    // MSAL repeats offline_access on refresh; Entra accepts that, and so must this IdP.
    const refreshed = await send(`${idpIssuer(port)}/token`, {
      headers: { origin: APP_ORIGIN },
      form: {
        client_id: DASHBOARD_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
        scope: `${API_SCOPE} openid profile offline_access`,
        client_info: '1',
      },
    });
    expect(refreshed.status).toBe(200);
    expect(JSON.parse(refreshed.body)).toHaveProperty('access_token');

    const foreign = await send(`${idpIssuer(port)}/token`, {
      headers: { origin: 'http://evil.example' },
      form: { client_id: DASHBOARD_CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'x' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('signs out the way MSAL asks (no client_id) and returns to the app', async () => {
    cookies.clear();
    const loginUrl = await startSignIn();
    const resume = location(
      await send(loginUrl, {
        form: { username: DEMO_USER.username, password: DEMO_USER.password },
      }),
      loginUrl,
    );
    await send(resume);
    const endSession = new URL(`${idpIssuer(port)}/session/end`);
    endSession.searchParams.set('post_logout_redirect_uri', `${APP_ORIGIN}/`);
    endSession.searchParams.set('state', 'bye');
    const page = await send(endSession.href);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signing you out…');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'sha256-/);

    const action = /action="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const done = await send(action, { form: { xsrf, logout: 'yes' } });
    expect(location(done, action)).toBe(`${APP_ORIGIN}/?state=bye`);
  });
});
