// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { createStore, entries, keys } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunCacheRecord } from '@/domain/sync-runs/fetching/run-cache';
import type { SyncRun } from '@/lib/api/schemas';
import { forgetSessionKey } from '@/lib/storage/session-key';
import {
  clearRunCache,
  createRunCache,
  keepOnlyAccount,
  MAX_RECORDS,
  RUN_CACHE_DB,
  RUN_CACHE_KEY_COOKIE,
} from './run-cache-store';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const ALICE = 'alice-oid.tenant-1';
const BOB = 'bob-oid.tenant-1';

function run(i: number): SyncRun {
  return {
    run_id: `run-secret-${i}`,
    status: 'FAILURE',
    started_at: new Date(NOW - i * 60_000).toISOString(),
    finished_at: new Date(NOW - i * 60_000 + 1000).toISOString(),
    activities: [
      {
        activity: 'PSA Tickets',
        status: 'FAILURE',
        failures: [{ resource_label: 'Contoso Customer Board', reason: 'permission_denied' }],
      },
    ],
  } as unknown as SyncRun;
}

function record(count: number, savedAt = NOW): RunCacheRecord {
  const runs = Array.from({ length: count }, (_, i) => run(i + 1));
  return {
    since: NOW - 86_400_000,
    until: NOW - 1000,
    runs: runs.map((r) => ({
      run: r,
      lo: Date.parse(r.started_at!),
      hi: Date.parse(r.started_at!),
    })),
    savedAt,
  };
}

/** Everything the database holds, as text a person with the disk could read. */
async function rawText(): Promise<string> {
  const all = await entries(createStore(RUN_CACHE_DB, 'records'));
  return all
    .map(([key, value]) => {
      const entry = value as { data: ArrayBuffer; owner: string };
      return `${String(key)} ${entry.owner} ${new TextDecoder('latin1').decode(entry.data)}`;
    })
    .join('\n');
}

beforeEach(async () => {
  await clearRunCache();
});

describe('runs kept in this browser', () => {
  it('come back for the same account, and are unreadable at rest', async () => {
    const cache = createRunCache(ALICE, () => NOW);
    await cache.save('halopsa', record(50));
    const back = await cache.load('halopsa');
    expect(back?.runs.map((r) => r.run.run_id)).toEqual(record(50).runs.map((r) => r.run.run_id));
    expect(back?.runs[0]?.run).toEqual(run(1));
    const raw = await rawText();
    expect(raw).not.toContain('run-secret');
    expect(raw).not.toContain('Contoso');
    expect(raw).not.toContain('alice');
    expect(document.cookie).toContain(`${RUN_CACHE_KEY_COOKIE}=`);
  });

  it('are never found by another account, and removed when it signs in', async () => {
    await createRunCache(ALICE, () => NOW).save('halopsa', record(5));
    expect(await createRunCache(BOB, () => NOW).load('halopsa')).toBeNull();
    await keepOnlyAccount(BOB);
    expect(await keys(createStore(RUN_CACHE_DB, 'records'))).toEqual([]);
  });

  it('are gone after sign-out, key and all', async () => {
    const cache = createRunCache(ALICE, () => NOW);
    await cache.save('halopsa', record(5));
    await clearRunCache();
    expect(await keys(createStore(RUN_CACHE_DB, 'records'))).toEqual([]);
    expect(document.cookie).not.toContain(`${RUN_CACHE_KEY_COOKIE}=`);
    expect(await cache.load('halopsa')).toBeNull();
  });

  it('cannot be read once the browser session’s key is gone', async () => {
    const cache = createRunCache(ALICE, () => NOW);
    await cache.save('halopsa', record(5));
    forgetSessionKey(RUN_CACHE_KEY_COOKIE);
    expect(await cache.load('halopsa')).toBeNull();
    // A new session's key: the old entry fails to decrypt and is dropped.
    await cache.save('ninjaone', record(3));
    expect(await cache.load('halopsa')).toBeNull();
    expect((await keys(createStore(RUN_CACHE_DB, 'records'))).map(String)).toEqual([
      expect.stringMatching(/\|ninjaone$/),
    ]);
  });

  it('expire after 30 days and stay within their bounds', async () => {
    let now = NOW;
    const cache = createRunCache(ALICE, () => now);
    await cache.save('halopsa', record(5));
    now += 31 * 86_400_000;
    expect(await cache.load('halopsa')).toBeNull();
    for (let i = 0; i < MAX_RECORDS + 3; i += 1)
      await cache.save(`integration-${i}`, record(1, now));
    expect((await keys(createStore(RUN_CACHE_DB, 'records'))).length).toBe(MAX_RECORDS);
  });
});
