import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildErrorReport, scrub } from './error-report';
import { configureErrorReporting, reportError } from './error-reporter';

afterEach(() => configureErrorReporting({ endpoint: null }));

describe('error reports', () => {
  it('carry what finds the bug and none of the secrets or personal data', () => {
    const error = new Error(
      'Failed for megan.bowen@contoso-msp.example with Bearer eyJhbGciOi.eyJzdWIiOiJ4.c2ln and neo_sk_live_abcdef123456',
    );
    error.stack = `Error: boom\n    at render (https://dash.example/assets/app.js?v=1:10:5)`;
    const report = buildErrorReport(error, 'Run timeline', {
      pathname: '/integrations/halopsa',
      appVersion: '1.2.3',
      now: new Date('2026-11-29T10:00:00Z'),
    });
    expect(report).toEqual({
      name: 'Error',
      message: 'Failed for [email] with Bearer [token] and [api-key]',
      where: 'Run timeline',
      path: '/integrations/halopsa',
      stack: ['Error: boom', '    at render (https://dash.example/assets/app.js:10:5)'],
      appVersion: '1.2.3',
      time: '2026-11-29T10:00:00.000Z',
    });
    expect(scrub('token eyJabcdefg.eyJhijklmn.sig')).toBe('token [jwt]');
  });

  it('strip query strings and fragments from URLs inside the message, not only from the page URL', () => {
    const error = new Error(
      'GET https://api.example/public-api/integrations/halopsa/sync-runs?search=megan%20bowen&cursor=abc:def failed; ' +
        'see (https://react.dev/errors/418?args[]=Megan) and /integrations/halopsa?q=acme#frag. Why? No idea.',
    );
    error.stack = `${error.message}\n    at load (https://dash.example/assets/app.js?v=1#x:10:5)\n    at f@https://dash.example/a.js?t=2:3:4`;
    const report = buildErrorReport(error, 'panel', { pathname: '/', appVersion: '1' });
    expect(report.message).toBe(
      'GET https://api.example/public-api/integrations/halopsa/sync-runs failed; ' +
        'see (https://react.dev/errors/418 and /integrations/halopsa Why? No idea.',
    );
    expect(report.stack).toEqual([
      report.message,
      '    at load (https://dash.example/assets/app.js:10:5)',
      '    at f@https://dash.example/a.js:3:4',
    ]);
  });

  it('remove bearer tokens of any shape, not only JWTs', () => {
    expect(scrub('Authorization: Bearer abc.def/ghi~jkl!$%&*')).toBe(
      'Authorization: Bearer [token]',
    );
    expect(scrub('header "bearer opaque:token|42" sent')).toBe('header "Bearer [token] sent');
  });

  it('remove long base64url and hex strings (32+ characters) as tokens', () => {
    const b64 = 'dGhpcyBpcyBhIHNlY3JldCB0b2tlbi1fMTIz_-AbC';
    const hex = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(scrub(`token=${b64}; sig ${hex}.`)).toBe('token=[token]; sig [token].');
    // Readable names (no digit, one case) are not opaque, and stay for finding the bug.
    expect(scrub('in use-sync-runs-integration-page-query-options')).toBe(
      'in use-sync-runs-integration-page-query-options',
    );
  });

  it('remove neo_sk_ API keys whatever characters follow the prefix', () => {
    expect(scrub('key neo_sk_live_AbC-123_xyz-0123456789abcdefghijklmnopqrstuvwxyz.')).toBe(
      'key [api-key].',
    );
  });

  it("remove every credential the app's one rule set knows, as support evidence and logs do", () => {
    expect(scrub('login failed: password=hunter2 for svc')).toBe(
      'login failed: password=[redacted] for svc',
    );
    expect(scrub('sent Cookie: session=abc123; theme=dark')).toBe('sent Cookie: [redacted]');
    expect(scrub('proxy said Basic dXNlcjpwYXNzd29yZA== is wrong')).toBe(
      'proxy said Basic [redacted] is wrong',
    );
    expect(scrub('slack xoxb-1234567890-abcdefghij refused')).toBe('slack [redacted key] refused');
    expect(scrub('GET /x api_key%3Dsecretvalue failed')).toBe('GET /x [redacted] failed');
  });

  it('remove long opaque ids (UUIDs, ULIDs, object ids) as the comment promises', () => {
    expect(
      scrub(
        'tenant 72f988bf-86f1-41af-91ab-2d7cd011db47, run 01HZX3K7Q8M9N0P1R2S3T4V5W6, object 507f1f77bcf86cd799439011',
      ),
    ).toBe('tenant [id], run [id], object [id]');
    // Short ids, numbers, versions and bundle names stay.
    expect(scrub('HTTP 503 in run-detail-CzT0aB9x.js v1.2.3 at 1712345678901 (E42)')).toBe(
      'HTTP 503 in run-detail-CzT0aB9x.js v1.2.3 at 1712345678901 (E42)',
    );
  });

  it('scrub only a bounded start of a huge message, so reporting never freezes the page', () => {
    const started = performance.now();
    const report = buildErrorReport(new Error('a.'.repeat(25_000)), 'x', {
      pathname: '/',
      appVersion: '1',
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.message).toHaveLength(500);
  });

  it('never report part of a token cut at that bound', () => {
    // Tokens shrink to placeholders, so text from past the bound reaches the report: a token cut at
    // the bound (too short to be recognised) is dropped, not reported in part.
    const hex = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    const secret = 'Zk9vQmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZmdo';
    const report = buildErrorReport(
      new Error(`${`${hex} `.repeat(30)}${'x'.repeat(35)} ${secret}`),
      'x',
      { pathname: '/', appVersion: '1' },
    );
    expect(report.message).toContain('[token]');
    expect(report.message).not.toContain(secret.slice(0, 8));
  });

  it('are off by default, sent once per distinct error, and capped per page', () => {
    const send = vi.fn();
    reportError(new Error('nobody listens'), 'x');
    configureErrorReporting({ endpoint: 'https://errors.example/ingest', send });
    reportError(new Error('once'), 'panel');
    reportError(new Error('once'), 'panel');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toBe('https://errors.example/ingest');
    for (let i = 0; i < 20; i += 1) reportError(new Error(`e${i}`), 'panel');
    expect(send).toHaveBeenCalledTimes(10);
  });
});
