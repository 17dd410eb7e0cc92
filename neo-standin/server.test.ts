// @vitest-environment node
// The real HTTP server: CORS, API keys, and access tokens verified against an HTTPS issuer whose
// keys are fetched lazily, trusting only the configured certificate.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { API_AUDIENCE, API_SCOPE_NAME, DASHBOARD_CLIENT_ID } from '../local-idp/settings.ts';
import { startStandin, type StandinServer } from './server.ts';
import { createCertificate, startFakeIssuer, type FakeIssuer } from './test-support/fake-issuer.ts';

const API_KEY = 'neo_sk_test_0123456789abcdefABCDEF';
const ORIGIN = 'http://localhost:5173';
const PATH = '/public-api/integrations/connectwise/sync-runs?page_size=2';

let idp: FakeIssuer;
let standin: StandinServer;

function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  return fetch(`${standin.url}${path}`, { ...init, headers });
}

async function errorOf(response: Response) {
  const body = (await response.json()) as {
    error: { code: string; details?: { reason?: string } };
  };
  return { code: body.error.code, reason: body.error.details?.reason };
}

beforeAll(async () => {
  idp = await startFakeIssuer();
  standin = await startStandin({
    port: 0,
    host: '127.0.0.1',
    apiKeys: [API_KEY],
    issuer: idp.issuer,
    caFile: idp.caFile, // not written yet: the IdP "starts after" the stand-in
    corsOrigins: [ORIGIN],
    seed: 'server-test',
  });
});

afterAll(async () => {
  await standin?.close();
  await idp?.close();
});

describe('HTTP basics', () => {
  it('answers /healthz, and 404/405 in the error envelope', async () => {
    expect((await call('/healthz')).status).toBe(200);
    const post = await call(PATH, { method: 'POST', token: API_KEY });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect((await errorOf(await call('/nope', { token: API_KEY }))).code).toBe('not_found');
  });

  it('answers CORS preflights without auth and without using the rate limit', async () => {
    const before = await call(PATH, { token: API_KEY });
    const remaining = Number(before.headers.get('x-ratelimit-remaining'));
    for (let i = 0; i < 3; i++) {
      const preflight = await call(PATH, {
        method: 'OPTIONS',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      expect(preflight.headers.get('access-control-max-age')).toMatch(/^\d+$/);
    }
    const after = await call(PATH, { token: API_KEY, headers: { Origin: ORIGIN } });
    expect(Number(after.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
    expect(after.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(after.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Remaining/);
    expect(after.headers.get('vary')).toBe('Origin');
    const foreign = await call(PATH, {
      token: API_KEY,
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('API keys', () => {
  it('401 without a bearer, with a challenge', async () => {
    const response = await call(PATH);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await errorOf(response)).code).toBe('missing_credentials');
  });

  it('200 with a listed key; 401 invalid_api_key with another', async () => {
    const ok = await call(PATH, { token: API_KEY });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const wrong = await call(PATH, { token: 'neo_sk_test_0123456789abcdefABCDEX' });
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).code).toBe('invalid_api_key');
  });
});

describe('access tokens', () => {
  it('retries key discovery once the IdP certificate exists, then accepts its tokens', async () => {
    const token = await idp.sign();
    const early = await call(PATH, { token });
    expect(early.status).toBe(401);
    expect(await errorOf(early)).toEqual({ code: 'invalid_token', reason: 'keys_unavailable' });
    idp.writeCertificate();
    expect((await call(PATH, { token })).status).toBe(200);
    // The header `typ` is not checked: Entra sends JWT, oidc-provider at+jwt.
    expect((await call(PATH, { token: await idp.sign({}, { typ: 'JWT' }) })).status).toBe(200);
  });

  it.each([
    ['another audience', { aud: 'api://someone-else' }, 'claim_aud'],
    ['another issuer', { iss: 'https://login.example/other/v2.0' }, 'claim_iss'],
    [
      'expired',
      { exp: Math.floor(Date.now() / 1000) - 600, iat: Math.floor(Date.now() / 1000) - 4000 },
      'expired',
    ],
    ['no scope', { scp: 'User.Read' }, 'scope'],
    ['a client that is not allowed', { azp: '00000000-0000-0000-0000-000000000000' }, 'client'],
  ])('401 for a token with %s', async (_label, claims, reason) => {
    idp.writeCertificate();
    const response = await call(PATH, { token: await idp.sign(claims) });
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({ code: 'invalid_token', reason });
  });

  it('401 for a token signed by an unknown key', async () => {
    idp.writeCertificate();
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ scp: API_SCOPE_NAME, azp: DASHBOARD_CLIENT_ID })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(idp.issuer)
      .setAudience(API_AUDIENCE)
      .setSubject('mallory')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    const response = await call(PATH, { token: forged });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).reason).toBe('signature');
  });

  it('401 for alg none, and for HS256 signed with the public key', async () => {
    const payload = base64url.encode(
      JSON.stringify({
        iss: idp.issuer,
        aud: API_AUDIENCE,
        sub: 'mallory',
        scp: API_SCOPE_NAME,
        azp: DASHBOARD_CLIENT_ID,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    );
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
    expect(await errorOf(await call(PATH, { token: none }))).toEqual({
      code: 'invalid_token',
      reason: 'algorithm',
    });
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(publicKey)));
    const hs = await new SignJWT({ scp: API_SCOPE_NAME })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    expect((await call(PATH, { token: hs })).status).toBe(401);
  });

  it('trusts only the configured certificate', async () => {
    const other = await createCertificate();
    const wrongCa = `${idp.caFile}.other.pem`;
    writeFileSync(wrongCa, other.cert);
    const strict = await startStandin({
      port: 0,
      host: '127.0.0.1',
      issuer: idp.issuer,
      caFile: wrongCa,
    });
    try {
      const response = await fetch(`${strict.url}${PATH}`, {
        headers: { Authorization: `Bearer ${await idp.sign()}` },
      });
      expect(await errorOf(response)).toEqual({
        code: 'invalid_token',
        reason: 'keys_unavailable',
      });
    } finally {
      await strict.close();
    }
  });
});

describe('latency knob', () => {
  it('delays API responses by STANDIN_LATENCY_MS', async () => {
    const slow = await startStandin({
      port: 0,
      host: '127.0.0.1',
      latencyMs: 120,
      apiKeys: [API_KEY],
    });
    try {
      const started = performance.now();
      const response = await fetch(`${slow.url}${PATH}`, {
        headers: { Authorization: `Bearer ${API_KEY}` },
      });
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});
