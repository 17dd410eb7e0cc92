import { describe, expect, it } from 'vitest';
import { parseWatcherConfig } from './config.ts';
import type { Notice } from './notice.ts';
import { createLogger } from '../server-kit/log.ts';
import { createMetrics } from './ops/metrics.ts';
import { openStore, StoreLockedError } from './store/store.ts';
import { tempDbFile } from './store/test-support.ts';
import { standinFetch, TEST_KEY } from '../neo-standin/test-support/standin-fetch.ts';
import { startWatcher } from './watcher.ts';

const START = Date.UTC(2026, 10, 28, 12);

const config = parseWatcherConfig(
  JSON.stringify({
    neo: { apiBaseUrl: 'https://standin.test' },
    dashboardUrl: 'https://dash.example',
    integrations: ['connectwise', 'halopsa', 'servicenow'],
    channels: [{ name: 'hooks', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' }],
    digestThreshold: 10,
  }),
  'test.json',
);

function run(file: string, api: ReturnType<typeof standinFetch>, sent: Notice[], logs: string[]) {
  const store = openStore(file, { now: api.now });
  const watcher = startWatcher({
    config,
    apiKey: TEST_KEY,
    store,
    send: async (_channel, notice) => (sent.push(notice), { ok: true, attempts: 1 }),
    logger: createLogger((line) => logs.push(line), api.now),
    metrics: createMetrics(),
    fetch: api.fetch,
    now: api.now,
  });
  return { store, watcher };
}

describe('the watcher', () => {
  it('tells each change once, links to its runs, and neither repeats nor loses a notice across a restart', async () => {
    const file = tempDbFile();
    const api = standinFetch(START);
    const sent: Notice[] = [];
    const logs: string[] = [];
    const first = run(file, api, sent, logs);
    await first.watcher.started;
    await first.watcher.dispatchNow();
    const titles = sent.map((n) => n.title);
    expect(titles).toContain('HaloPSA is failing');
    expect(titles).toContain('ServiceNow: unusual activity in PSA Contacts');
    expect(titles.filter((t) => t.startsWith('ConnectWise'))).toEqual([]);
    const silent = sent.find((n) => n.kind === 'anomaly-opened' && n.integration === 'servicenow')!;
    expect(silent.text).toMatch(/^PSA Contacts has found 0 records in each of the last \d+ runs/);
    const link = new URL(silent.link);
    expect(link.pathname).toBe('/integrations/servicenow');
    expect(link.searchParams.get('anomaly')).toMatch(/^[0-9a-z]+$/);
    expect(first.watcher.status().ready).toBe(true);
    // A second watcher on the same database is refused, plainly.
    expect(() => openStore(file)).toThrow(StoreLockedError);
    await first.watcher.stop();
    first.store.close();

    // Restarted later: same states, so nothing is said again.
    const count = sent.length;
    api.advance(20 * 60_000);
    const second = run(file, api, sent, logs);
    await second.watcher.started;
    await second.watcher.dispatchNow();
    expect(sent.length).toBe(count);
    expect(second.store.notices.recent(50).length).toBe(count);
    await second.watcher.stop();
    second.store.close();
    // The API key never reaches a log line.
    expect(logs.join('\n')).not.toContain(TEST_KEY);
  });
});
