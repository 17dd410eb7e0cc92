// The watcher's config is as strict as the dashboard's: where the API key may go, which names are
// integrations, and what the ops endpoint answers to.
import { describe, expect, it } from 'vitest';
import { parseWatcherConfig, WatcherConfigError } from './config.ts';

const base = {
  neo: { apiBaseUrl: 'https://neo.example' },
  dashboardUrl: 'https://dash.example',
  integrations: ['connectwise', 'halopsa'],
};

function problemsOf(patch: Record<string, unknown>): string[] {
  try {
    parseWatcherConfig(JSON.stringify({ ...base, ...patch }), 'w.json');
    return [];
  } catch (error) {
    if (error instanceof WatcherConfigError) return error.problems;
    throw error;
  }
}

describe('the watcher config', () => {
  it('sends the API key only over https, or plain http to this machine', () => {
    expect(problemsOf({ neo: { apiBaseUrl: 'http://neo.example' } })).toEqual([
      'neo.apiBaseUrl: must be an https:// URL (http:// is allowed only for localhost, 127.0.0.1 and [::1])',
    ]);
    expect(problemsOf({ neo: { apiBaseUrl: 'http://localhost:x@evil.example/' } })).toHaveLength(1);
    expect(problemsOf({ neo: { apiBaseUrl: 'https://key:secret@neo.example' } })).toEqual([
      'neo.apiBaseUrl: must not carry a user name or password (credentials come from their own settings)',
    ]);
    expect(problemsOf({ neo: { apiBaseUrl: 'http://127.0.0.1:8787' } })).toEqual([]);
    expect(problemsOf({ neo: { apiBaseUrl: 'http://[::1]:8787' } })).toEqual([]);
  });

  it("names integrations by the dashboard's rule, and only configured ones in rules and mutes", () => {
    const problems = problemsOf({
      integrations: ['connectwise', 'HaloPSA', '.halo', 'halo/psa', { name: '../x' }],
      channels: [{ name: 'ops', type: 'slack', urlEnv: 'SLACK_URL' }],
      rules: [{ channels: ['ops'], integrations: ['connectwise', 'hallopsa'] }],
      mutes: [{ integration: 'ninjaone', until: '2026-12-01T00:00:00Z' }],
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'integrations.2',
      'integrations.3',
      'integrations.4.name',
      'rules.0.integrations.1',
      'mutes.0.integration',
    ]);
    expect(problems[0]).toContain('is not an integration name');
    expect(problems[3]).toBe('rules.0.integrations.1: no integration named "hallopsa"');
  });

  it('lists the names the ops endpoint answers to, and its token variable', () => {
    const config = parseWatcherConfig(
      JSON.stringify({ ...base, http: { host: '0.0.0.0', allowedHosts: ['Watcher.Internal'] } }),
      'w.json',
    );
    expect(config.http).toEqual({
      host: '0.0.0.0',
      port: 9464,
      allowedHosts: ['watcher.internal'],
      tokenEnv: 'WATCHER_OPS_TOKEN',
    });
    expect(problemsOf({ http: { allowedHosts: ['*.example', 'watcher.internal:9464'] } })).toEqual([
      'http.allowedHosts.0: a host name or IP address without port or wildcard, e.g. watcher.internal',
      'http.allowedHosts.1: a host name or IP address without port or wildcard, e.g. watcher.internal',
    ]);
  });

  it('keeps notices 90 days unless told otherwise', () => {
    const parse = (patch: object) =>
      parseWatcherConfig(JSON.stringify({ ...base, ...patch }), 'w.json');
    expect(parse({}).noticeRetentionDays).toBe(90);
    expect(parse({ noticeRetentionDays: 30 }).noticeRetentionDays).toBe(30);
    expect(problemsOf({ noticeRetentionDays: 1 })).toHaveLength(1);
  });
  it("checks quiet hours' time zone by the dashboard's rule", () => {
    const quiet = (timeZone: string) => ({
      channels: [{ name: 'ops', type: 'slack', urlEnv: 'SLACK_URL' }],
      rules: [{ channels: ['ops'], quietHours: { start: '22:00', end: '07:00', timeZone } }],
    });
    expect(problemsOf(quiet('Europe/Berlin'))).toEqual([]);
    expect(problemsOf(quiet('europe/berlin'))).toEqual([]);
    for (const bad of ['Mars/Olympus_Mons', '+01:00', 'Europe/Berlin ', 'local'])
      expect(problemsOf(quiet(bad)), bad).toEqual([
        'rules.0.quietHours: an IANA time zone such as Europe/Berlin',
      ]);
  });
});
