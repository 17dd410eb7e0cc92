// The watcher end to end, with an API whose failure texts quote the watcher's own key (as an
// integration echoing the request it failed would) and plant escapes and links: what reaches Teams,
// Slack, the webhook and email carries neither the key nor anything else of the hostile text's.
import { describe, expect, it } from 'vitest';
import { standinFetch, TEST_KEY } from '../neo-standin/test-support/standin-fetch.ts';
import { deliver } from './channels/deliver.ts';
import { problemsIn } from './channels/hostile-corpus.ts';
import { localChannels } from './channels/test-receivers.ts';
import { parseWatcherConfig } from './config.ts';
import { createLogger } from '../server-kit/log.ts';
import { createMetrics } from './ops/metrics.ts';
import { openStore } from './store/store.ts';
import { tempDbFile } from './store/test-support.ts';
import { startWatcher } from './watcher.ts';

const START = Date.UTC(2026, 10, 28, 12);

/** What an integration's error may say about the request it failed. */
const QUOTES = [
  `Authorization: Bearer ${TEST_KEY}`,
  `x-api-key=${TEST_KEY}`,
  `GET /v1/x?key=${encodeURIComponent(TEST_KEY).replace(/_/g, '%5F')}`,
  `echo ${TEST_KEY.split('').join('\u200b')}`,
  `\x1b]8;;https://evil.example/?k=${TEST_KEY}\x1b\\open\x1b]8;;\x1b\\`,
];

type Json = Record<string, unknown> & { data?: unknown };

/** The stand-in's answers, with every failure text and run error quoting the key. */
function quotingFetch(api: ReturnType<typeof standinFetch>): typeof fetch {
  let n = 0;
  const quote = () => QUOTES[n++ % QUOTES.length];
  return async (input, init) => {
    const response = await api.fetch(input, init);
    if (!response.ok) return response;
    const body = (await response.json()) as Json;
    for (const run of Array.isArray(body.data) ? body.data : []) {
      if (run.error) run.error = `${run.error} ${quote()}`;
      for (const activity of run.activities ?? [])
        for (const failure of activity.failures ?? [])
          failure.error_message = `${failure.error_message} (${quote()})`;
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: response.status, headers });
  };
}

describe('the watcher’s key', () => {
  it('never reaches a channel, though the API’s failure texts quote it', async () => {
    // As main.ts makes them: every sender scrubs the API key.
    const { http, smtp, senders, delivered } = await localChannels([TEST_KEY]);
    const config = parseWatcherConfig(
      JSON.stringify({
        neo: { apiBaseUrl: 'http://127.0.0.1:9' },
        dashboardUrl: 'https://dash.example',
        integrations: ['connectwise', 'halopsa', 'servicenow'],
        channels: [
          { name: 'teams', type: 'teams', urlEnv: 'TEAMS_URL' },
          { name: 'slack', type: 'slack', urlEnv: 'SLACK_URL' },
          { name: 'hooks', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' },
          {
            name: 'mail',
            type: 'email',
            smtp: { host: '127.0.0.1', port: smtp.port },
            from: 'sync-runs@example.com',
            to: ['oncall@example.com'],
          },
        ],
        digestThreshold: 100,
      }),
      'test.json',
    );
    const api = standinFetch(START);
    const logs: string[] = [];
    const store = openStore(tempDbFile(), { now: api.now });
    const watcher = startWatcher({
      config,
      apiKey: TEST_KEY,
      store,
      send: (channel, notice) => deliver(senders.get(channel)!, notice, { attempts: 1 }),
      logger: createLogger((line) => logs.push(line), api.now),
      metrics: createMetrics(),
      fetch: quotingFetch(api),
      now: api.now,
    });
    await watcher.started;
    await watcher.dispatchNow();
    await watcher.stop();
    const stored = JSON.stringify(store.notices.recent(100));
    store.close();

    expect(smtp.messages.length).toBeGreaterThan(0);
    expect(http.received.length).toBe(3 * smtp.messages.length);
    const everything = delivered().join('\n');
    // The hostile texts did reach the notices, with what they quoted removed.
    expect(everything).toMatch(
      /read access on board \d+ \((?:x-api-key=\[redacted\]|echo \[redacted key\])\)/,
    );
    for (const form of [TEST_KEY, encodeURIComponent(TEST_KEY), 'neo_sk_', 'neo%5Fsk'])
      expect(everything).not.toContain(form);
    for (const text of delivered())
      expect(
        problemsIn(text, ['https://dash.example/', 'http://adaptivecards.io/schemas/']),
      ).toEqual([]);
    expect(stored).not.toContain(TEST_KEY);
    expect(logs.join('\n')).not.toContain(TEST_KEY);
  });
});
