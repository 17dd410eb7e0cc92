// The watcher's state store: one SQLite file per watcher (runs, states, notices, deliveries, meta).
import Database from 'better-sqlite3';
import { acquireExclusiveLock } from './lock.ts';
import { metaStore, type MetaStore } from './meta.ts';
import { migrate } from './migrations.ts';
import { noticesStore, type NoticesStore } from './notices.ts';
import { runsStore, type RunsStore } from './runs.ts';
import { statesStore, type StatesStore } from './states.ts';

export { StoreLockedError } from './lock.ts';
export { StoreVersionError } from './migrations.ts';
export type { MetaStore } from './meta.ts';
export type { Delivery, DeliveryResult, NoticesStore, PendingDelivery } from './notices.ts';
export type { RunsStore } from './runs.ts';
export type { StatesStore } from './states.ts';

export type Store = {
  readonly file: string;
  /** The journal mode in effect ("wal"; "memory" for ":memory:"). */
  readonly journalMode: string;
  /** The schema version after migrating. */
  readonly schemaVersion: number;
  readonly runs: RunsStore;
  readonly states: StatesStore;
  readonly notices: NoticesStore;
  readonly meta: MetaStore;
  /** Releases the file (and its lock). Idempotent. */
  close(): void;
};

export type StoreOptions = { now?: () => number };

/**
 * Opens (creating if need be) and migrates the store. Throws StoreLockedError when another open
 * store holds the file, StoreVersionError when a newer watcher wrote it.
 */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  // No busy wait: a file held by another watcher must fail the open at once.
  const db = new Database(file, { timeout: 0 });
  try {
    const journalMode = acquireExclusiveLock(db, file);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const schemaVersion = migrate(db, file);
    return {
      file,
      journalMode,
      schemaVersion,
      runs: runsStore(db, now),
      states: statesStore(db, now),
      notices: noticesStore(db, now),
      meta: metaStore(db),
      close: () => {
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
