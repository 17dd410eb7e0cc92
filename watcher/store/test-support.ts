// Test helpers for the store: database files in a temp dir removed after each test, and fixtures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { SyncRun } from '../../src/lib/api/schemas.ts';
import type { Notice } from '../notice.ts';
import { makeNotice } from '../test-support.ts';
import { openStore, type Store } from './store.ts';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 10, 28, 12);

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh path for a database file; the folder goes after the test. */
export function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watcher-store-'));
  dirs.push(dir);
  return path.join(dir, 'watcher.db');
}

/** A clock the test moves. */
export function clock(start = T0) {
  let now = start;
  return {
    now: () => now,
    set: (ms: number) => void (now = ms),
    advance: (ms: number) => void (now += ms),
  };
}

/** Opens a store that is closed after the test (closing it earlier is fine). */
export function testStore(file = tempDbFile(), now: () => number = () => T0): Store {
  const store = openStore(file, { now });
  stores.push(store);
  return store;
}

export function run(id: string, startedMs: number | null, patch: Partial<SyncRun> = {}): SyncRun {
  return {
    run_id: id,
    temporal_run_id: null,
    temporal_workflow_id: null,
    status: 'SUCCESS',
    started_at: startedMs === null ? null : new Date(startedMs).toISOString(),
    finished_at: startedMs === null ? null : new Date(startedMs + 60_000).toISOString(),
    error: null,
    dashboard_message: null,
    activities: [],
    ...patch,
  };
}

export function notice(key: string, patch: Partial<Notice> = {}): Notice {
  return makeNotice({
    key,
    text: 'The last 3 runs failed.',
    since: new Date(T0 - HOUR).toISOString(),
    link: `https://dashboard.example/?integration=halopsa&key=${key}`,
    createdAt: new Date(T0).toISOString(),
    ...patch,
  });
}
