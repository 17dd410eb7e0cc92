// @vitest-environment node
// What the production server promises in SECURITY.md, over real HTTP: Permissions-Policy on every
// answer, no cookie in the access log, token-shaped query values redacted whatever their name,
// no cache of API answers, and no credential in config.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, REPO_ROOT, ServerConfigError } from './config.ts';
import { redactUrl } from './logging.ts';
import { request, runsPath, TOKEN, useFixture, VALID_CONFIG_JSON } from './test-support.ts';

const fx = useFixture();

/** What the app and the API proxy answer, one request of each kind. */
const ANSWERS: [string, string, Record<string, string>?][] = [
  ['the app page', '/integrations/halopsa', { Accept: 'text/html' }],
  ['config.json', '/config.json'],
  ['a script', '/assets/app-abc123.js'],
  ['a missing file', '/assets/missing.js'],
  ['the health check', '/healthz'],
  ['a proxied API answer', runsPath('halopsa'), { Authorization: `Bearer ${TOKEN}` }],
  ['a proxied 429', runsPath('limited')],
  ['a proxied gateway error', runsPath('html-error')],
  ['an API path not relayed', '/public-api/other'],
];

/** The features SECURITY.md says are denied (its "Content Security Policy" section). */
function featuresSecurityMdLists(): string[] {
  const text = readFileSync(join(REPO_ROOT, 'SECURITY.md'), 'utf8').replace(/\s+/g, ' ');
  const listed = /`Permissions-Policy` denies each of these features[^:]*: ([a-z, -]+)\./.exec(
    text,
  );
  expect(listed, 'SECURITY.md lists the features Permissions-Policy denies').not.toBeNull();
  return listed![1]!.split(',').map((feature) => feature.trim());
}

describe('Permissions-Policy', () => {
  it('denies every feature SECURITY.md lists, on the app’s and the API proxy’s answers', async () => {
    const features = featuresSecurityMdLists();
    expect(features).toEqual(expect.arrayContaining(['camera', 'microphone', 'geolocation']));
    for (const [what, path, headers] of ANSWERS) {
      const res = await request(fx.port, path, { headers });
      const policy = String(res.headers['permissions-policy'] ?? '');
      const directives = new Map(
        policy.split(',').map((d) => d.trim().split('=') as [string, string]),
      );
      for (const feature of features)
        expect(directives.get(feature), `${what}: ${feature}`).toBe('()');
      // Nothing is granted to anyone: every directive is an empty allow-list.
      for (const [feature, allow] of directives) expect(allow, `${what}: ${feature}`).toBe('()');
    }
  });
});

describe('the access log', () => {
  it('never holds a Cookie header, whatever the route', async () => {
    fx.logs.length = 0;
    const cookie =
      'sync-runs.cache-key=cookie-secret-0123; msal.cache.encryption=cookie-secret-4567';
    for (const [, path, headers] of ANSWERS)
      await request(fx.port, path, { headers: { ...headers, Cookie: cookie } });
    await request(fx.port, '/', { method: 'POST', headers: { Cookie: cookie } });
    await expect.poll(() => fx.logs.length).toBe(ANSWERS.length + 1);
    const log = fx.logs.join('\n');
    expect(log).not.toContain('cookie-secret');
    expect(log.toLowerCase()).not.toContain('cookie');
  });

  it('redacts token-shaped values in any query parameter, whatever its name', async () => {
    const opaque = 'AbCdEf0123456789GhIjKl0123456789MnOpQr';
    const cases: [string, string][] = [
      [`/x?next=${opaque}`, '/x?next=[redacted]'],
      [`/x?v=${encodeURIComponent(opaque.replace('0', '+').replace('1', '/'))}`, '/x?v=[redacted]'],
      [`/x?page=2&blob=${opaque}&size=5`, '/x?page=2&blob=[redacted]&size=5'],
      ['/x?h=Basic%20dXNlcjpwYXNzd29yZA%3D%3D', '/x?h=[redacted]'],
      [`/x?${opaque}`, '/x?[redacted]'],
      [`/x?${opaque}=1`, '/x?[redacted]'],
    ];
    for (const [url, logged] of cases) expect(redactUrl(url), url).toBe(logged);
    // What is not random stays readable: dates, UUIDs, slugs, words, short cursors.
    const plain =
      '/public-api/integrations/halopsa/sync-runs?since=2026-01-01T00:00:00.000Z&until=2026-01-31T00:00:00.000Z&run=3f2b8c1e-9d4a-4e5f-8a6b-7c8d9e0f1a2b&cursor=c1&page_size=200';
    expect(redactUrl(plain)).toBe(plain);
    expect(redactUrl('/integrations/halopsa?status=FAILURE&activity=PSA%20Configurations')).toBe(
      '/integrations/halopsa?status=FAILURE&activity=PSA%20Configurations',
    );

    fx.logs.length = 0;
    await request(fx.port, `/integrations/halopsa?anything=${opaque}`, {
      headers: { Accept: 'text/html' },
    });
    await expect.poll(() => fx.logs.length).toBe(1);
    expect(fx.logs[0]).not.toContain(opaque);
  });
});

describe('access-log redaction', () => {
  it('redacts token-shaped values anywhere in the URL and never logs the search text', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXZhbHVl';
    const cases: [string, string][] = [
      [
        '/integrations/halopsa?q=Acme%20Corp&range=24h',
        '/integrations/halopsa?q=[redacted]&range=24h',
      ],
      ['/integrations/halopsa?range=24h&q=', '/integrations/halopsa?range=24h&q=[redacted]'],
      ['/x?%71=Acme', '/x?%71=[redacted]'],
      [`/x?cursor=${jwt}`, '/x?cursor=[redacted]'],
      [`/x?next=${TOKEN}&page_size=5`, '/x?next=[redacted]&page_size=5'],
      ['/x?h=Bearer%20abc.def-ghi', '/x?h=[redacted]'],
      ['/x?h=bearer+abcdefgh', '/x?h=[redacted]'],
      ['/x?k=neo_sk_live_0123456789abcdef', '/x?k=[redacted]'],
      ['/x?k=neo%5Fsk%5Flive%5F0123456789', '/x?k=[redacted]'],
      [`/integrations/${jwt}/sync-runs`, '/integrations/[redacted]/sync-runs'],
      ['/integrations/neo_sk_abcdef0123/sync-runs', '/integrations/[redacted]/sync-runs'],
      ['/integrations/Bearer%20xyz/sync-runs', '/integrations/[redacted]/sync-runs'],
      [`/x?${jwt}`, '/x?[redacted]'],
      [`/x?back=${encodeURIComponent(`https://a.example/cb?t=${jwt}`)}`, '/x?back=[redacted]'],
      // The shared credential rules (src/lib/format/redact-credentials.ts) judge every part.
      ['/hooks/xoxb-1234-5678-abcdefgh/send', '/hooks/[redacted]/send'],
      ['/x?note=password%3Dhunter2&page=2', '/x?note=[redacted]&page=2'],
      [`/x?back=${encodeURIComponent('https://svc:pw@a.example/')}`, '/x?back=[redacted]'],
      ['/x?h=Authorization%3A%20opaque', '/x?h=[redacted]'],
      ['/x?x_signature=abc123', '/x?x_signature=[redacted]'],
    ];
    for (const [url, logged] of cases) expect(redactUrl(url), url).toBe(logged);
    // Ordinary values stay readable.
    const plain =
      '/public-api/integrations/halopsa/sync-runs?since=2025-01-01T00:00:00.000Z&page_size=200&cursor=c1';
    expect(redactUrl(plain)).toBe(plain);
    expect(redactUrl('/assets/app-abc123.js')).toBe('/assets/app-abc123.js');
    expect(redactUrl('/integrations/connectwise.manage?sort=started.desc')).toBe(
      '/integrations/connectwise.manage?sort=started.desc',
    );

    fx.logs.length = 0;
    await request(fx.port, `/integrations/halopsa?q=${encodeURIComponent('secret customer')}`, {
      headers: { Accept: 'text/html' },
    });
    await request(fx.port, `/integrations/${jwt}`, { headers: { Accept: 'text/html' } });
    await expect.poll(() => fx.logs.length).toBe(2);
    expect(fx.logs.join('\n')).not.toMatch(/secret|eyJ/);
  });
});

describe('API answers through the proxy', () => {
  it('carry Cache-Control: no-store, whatever the upstream sends', async () => {
    const cacheable = await request(fx.port, runsPath('cacheable'));
    expect(cacheable.status).toBe(200);
    expect(cacheable.headers['cache-control']).toBe('no-store');
    for (const name of ['halopsa', 'limited', 'html-error']) {
      const res = await request(fx.port, runsPath(name));
      expect(res.headers['cache-control'], name).toBe('no-store');
    }
    expect((await request(fx.port, '/public-api/other')).headers['cache-control']).toBe('no-store');
  });
});

describe('config.json', () => {
  const problemsOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadServerConfig(env);
      return [];
    } catch (error) {
      if (error instanceof ServerConfigError) return error.problems;
      throw error;
    }
  };
  const file = (name: string, extra: Record<string, unknown>) => {
    const path = join(fx.root, name);
    writeFileSync(path, JSON.stringify({ ...VALID_CONFIG_JSON, ...extra }));
    return { DIST_DIR: fx.dist, SYNC_RUNS_CONFIG_FILE: path };
  };

  it('never carries a credential: the server refuses to start with one in it', () => {
    const key = 'neo_sk_prod_AbCdEf0123456789';
    // Unknown fields are dropped by the schema, but the file is served byte for byte.
    expect(problemsOf(file('key.json', { apiKey: key }))).toEqual([
      expect.stringMatching(
        /^SYNC_RUNS_CONFIG_FILE apiKey: config\.json is served to every browser/,
      ),
    ]);
    expect(problemsOf(file('shape.json', { neo: { value: key } }))).toEqual([
      expect.stringMatching(/^SYNC_RUNS_CONFIG_FILE neo\.value: .*no credential/),
    ]);
    expect(problemsOf(file('secret.json', { auth2: { clientSecret: 'x' } }))).toHaveLength(1);
    expect(problemsOf(file('jwt.json', { extra: [TOKEN] }))).toHaveLength(1);
    // The shared credential rules: a token in a URL's query, a password in its user-info.
    expect(
      problemsOf(file('query.json', { help: 'https://help.example.com/?access_token=abc123' })),
    ).toEqual([expect.stringMatching(/^SYNC_RUNS_CONFIG_FILE help: .*no credential/)]);
    expect(
      problemsOf(fx.env({ SYNC_RUNS_TEMPORAL_UI_URL: 'https://ops:pw@temporal.example.com' })),
    ).toHaveLength(1);
    expect(problemsOf(fx.env({ SYNC_RUNS_SCOPES: `api://neo/x,${key}` }))).toEqual([
      expect.stringMatching(/^SYNC_RUNS_SCOPES: config\.json is served to every browser/),
    ]);
    // Every problem names where, never the key itself.
    expect(problemsOf(file('key.json', { apiKey: key })).join('\n')).not.toContain(key);
    expect(problemsOf(file('fine.json', {}))).toEqual([]);
  });

  it('as served holds no neo_sk_ key nor a field named like one', async () => {
    const res = await request(fx.port, '/config.json');
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/neo_sk_/i);
    expect(res.text).not.toMatch(/"[^"]*(?:api[-_]?key|secret|token|password)[^"]*"\s*:/i);
  });
});
