// @vitest-environment node
// The one JSON log line: {time, level, msg, …fields}, credentials redacted by value and by name.
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2ln';
const KEY = 'neo_sk_prod_AbCdEf0123456789';

function capture() {
  const lines: string[] = [];
  return {
    lines,
    log: createLogger(
      (line) => lines.push(line),
      () => 0,
    ),
  };
}

describe('createLogger', () => {
  it('writes time, level and msg first, then the fields; a field cannot overwrite them', () => {
    const { lines, log } = capture();
    log.info('started', { port: 8080, level: 'error', msg: 'forged', time: 'then' });
    log.debug('detail');
    expect(lines[0]).toBe(
      '{"time":"1970-01-01T00:00:00.000Z","level":"info","msg":"started","port":8080}',
    );
    expect(JSON.parse(lines[1]!)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'debug',
      msg: 'detail',
    });
  });

  it('redacts credentials in the message and in every string field, nested too', () => {
    const { lines, log } = capture();
    log.error(`poll failed with Bearer ${JWT}`, {
      detail: `key ${KEY} refused`,
      nested: { list: [`Authorization: Basic dXNlcjpwYXNz`], error: new Error(`token=${JWT}`) },
    });
    expect(lines[0]).not.toContain(KEY);
    expect(lines[0]).not.toContain('eyJzdWIiOiIxIn0');
    expect(lines[0]).not.toContain('dXNlcjpwYXNz');
    expect(JSON.parse(lines[0]!).nested.error).toBe('token=[redacted]');
  });

  it('redacts a field named like a credential, whatever its value', () => {
    const { lines, log } = capture();
    log.warn('channel failed', {
      apiKey: 'short',
      client_secret: 'x',
      smtpPass: 'hunter2',
      'X-Signature': 'abc',
      webhookUrl: 'https://hooks.slack.com/services/T000/B000/SECRET',
      channel: 'ops',
      code: 'network_error',
      missing: null,
    });
    const entry = JSON.parse(lines[0]!);
    for (const field of ['apiKey', 'client_secret', 'smtpPass', 'X-Signature', 'webhookUrl'])
      expect(entry[field], field).toBe('[redacted]');
    expect(entry).toMatchObject({ channel: 'ops', code: 'network_error', missing: null });
  });
});
