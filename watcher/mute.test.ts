// `--mute` as an operator runs it: checked against the config, written while the watcher runs (which
// holds the store's lock), honoured by that watcher at its next round; what changes during the mute,
// a recovery included, is recorded as muted and dropped, not sent when the mute ends.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { standinFetch, TEST_KEY } from '../neo-standin/test-support/standin-fetch.ts';
import { loadWatcherConfig } from './config.ts';
import { parseMute } from './mute-command.ts';
import type { Notice } from './notice.ts';
import { createLogger } from '../server-kit/log.ts';
import { createMetrics } from './ops/metrics.ts';
import { openStore } from './store/store.ts';
import { notice, tempDbFile } from './store/test-support.ts';
import { runWatcherCli, writeWatcherConfig } from './test-support.ts';
import { startWatcher } from './watcher.ts';

const HOUR = 3_600_000;
const ENV = {
  NEO_API_KEY: TEST_KEY,
  HOOK_URL: 'http://127.0.0.1:1/hook',
  HOOK_SECRET: 'a-signing-secret-of-32-characters-or-more',
};

function configFile() {
  const database = tempDbFile();
  const file = writeWatcherConfig(path.join(path.dirname(database), 'watcher.config.yaml'), {
    apiBaseUrl: 'https://standin.test',
    database,
    integrations: ['connectwise', 'halopsa', 'servicenow'],
    more: ['digestThreshold: 50'],
  });
  return { file, database };
}

const watch = (args: string[]) => runWatcherCli(args, ENV);

describe('--mute', () => {
  it('takes only an integration the config names, and 1 to 720 hours', () => {
    const config = { integrations: ['connectwise', { name: 'halopsa' }] };
    expect(parseMute(config, 'halopsa', '4', 0)).toEqual({
      mute: { integration: 'halopsa', until: 4 * HOUR },
      hours: 4,
    });
    expect(parseMute(config, 'connectwise', '720', 0)).toMatchObject({ hours: 720 });
    expect(parseMute(config, 'ninjaone', '4', 0)).toEqual({
      problem: 'No integration named "ninjaone" in the config. It watches: connectwise, halopsa.',
    });
    for (const hours of ['0', '0.5', '721', '-3', 'four', undefined])
      expect(parseMute(config, 'halopsa', hours, 0)).toMatchObject({
        problem: expect.stringContaining('needs a number of hours from 1 to 720'),
      });
  });

  it('refuses an unknown integration and hours out of range before touching the store', async () => {
    const { file, database } = configFile();
    const unknown = await watch(['--config', file, '--mute', 'ninjaone', '4']);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No integration named "ninjaone" in the config.');
    const tooLong = await watch(['--config', file, '--mute', 'halopsa', '721']);
    expect(tooLong.code).toBe(1);
    expect(tooLong.out).toContain('--mute halopsa needs a number of hours from 1 to 720');
    expect(fs.existsSync(database)).toBe(false);
  });

  it('works while the watcher runs; the watcher honours it at its next round and drops a recovery made during it', async () => {
    const { file, database } = configFile();
    let offset = 0;
    const now = () => Date.now() + offset;
    const api = standinFetch(Date.now());
    const sent: Notice[] = [];
    const store = openStore(database, { now });
    const watcher = startWatcher({
      config: loadWatcherConfig(file),
      apiKey: TEST_KEY,
      store,
      send: async (_channel, n) => (sent.push(n), { ok: true, attempts: 1 }),
      logger: createLogger(() => {}, now),
      metrics: createMetrics(),
      fetch: api.fetch,
      now,
    });
    try {
      await watcher.started;
      await watcher.dispatchNow();

      const muted = await watch(['--config', file, '--mute', 'halopsa', '4']);
      expect(muted.out).toContain('halopsa muted for 4 h');
      expect(muted.out).toContain('The running watcher applies it at its next round.');
      expect(muted.code).toBe(0);

      // The next round: HaloPSA recovers during the mute, ServiceNow changes too.
      sent.length = 0;
      const recovery = notice('halopsa|health|health-recovered|mute-test', {
        kind: 'health-recovered',
        severity: 'recovery',
        title: 'HaloPSA is healthy again',
        createdAt: new Date(now()).toISOString(),
      });
      const other = notice('servicenow|health|health-changed|mute-test', {
        integration: 'servicenow',
        integrationName: 'ServiceNow',
        title: 'ServiceNow is failing',
        createdAt: new Date(now()).toISOString(),
      });
      store.notices.record(recovery);
      store.notices.record(other);
      await watcher.dispatchNow();
      expect(sent.map((n) => n.key)).toEqual([other.key]);
      const history = store.notices.recent(100).find((h) => h.notice.key === recovery.key);
      // Recorded, and its delivery closed without a single attempt: never sent, never retried.
      expect(history?.deliveries).toMatchObject([{ channel: 'hooks', ok: true, attempts: 0 }]);

      // After the mute ends, the recovery is not sent late: it was dropped.
      offset = 5 * HOUR;
      await watcher.dispatchNow();
      expect(sent.map((n) => n.key)).toEqual([other.key]);
    } finally {
      await watcher.stop();
      store.close();
    }
  });
});
