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
