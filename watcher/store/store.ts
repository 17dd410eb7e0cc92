// The watcher's state store: one SQLite file per watcher (runs, states, notices, deliveries, meta).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { prepareStoreFiles } from './files.ts';
import { acquireStoreLock } from './lock.ts';
import { metaStore, type MetaStore } from './meta.ts';
import { migrate, MIGRATIONS, schemaVersion, StoreVersionError } from './migrations.ts';
import { noticesStore, type NoticesStore } from './notices.ts';
import { runsStore, type RunsStore } from './runs.ts';
import { statesStore, type StatesStore } from './states.ts';

export { StoreLockedError } from './lock.ts';
export { StoreVersionError } from './migrations.ts';
export type { MetaStore } from './meta.ts';
export type { Delivery, DeliveryResult, NoticesStore, PendingDelivery } from './notices.ts';
export type { RunsStore } from './runs.ts';
export type { StatesStore } from './states.ts';

/** How long a write waits for another connection's (a `--mute` beside the watcher: milliseconds). */
const BUSY_TIMEOUT_MS = 5_000;

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

const inMemory = (file: string) => file === ':memory:' || file === '';

/**
 * Opens (creating if need be, owner-only) and migrates the store. Throws StoreLockedError when
 * another open store holds the file, StoreVersionError when a newer watcher wrote it.
 */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  if (!inMemory(file)) prepareStoreFiles(file);
  const release = inMemory(file) ? () => {} : acquireStoreLock(file);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    const journalMode = db.pragma('journal_mode = WAL', { simple: true }) as string;
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = migrate(db, file);
    const open = db;
    return {
      file,
      journalMode,
      schemaVersion: version,
      runs: runsStore(db, now),
      states: statesStore(db, now),
      notices: noticesStore(db, now),
      meta: metaStore(db),
      close: () => {
        if (open.open) open.close();
        release();
      },
    };
  } catch (error) {
    db?.close();
    release();
    throw error;
  }
}

/**
 * A short connection to the store of a running watcher, without its lock: how the CLI writes a mute
 * while the watcher runs (it reads the mutes at every round). Only the meta table; the file must
 * exist with a schema this watcher knows.
 */
export function openBesideWatcher(file: string): { meta: MetaStore; close(): void } {
  if (inMemory(file) || !fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
  try {
    const known = MIGRATIONS.at(-1)?.version ?? 0;
    const found = schemaVersion(db);
    if (found > known) throw new StoreVersionError(file, found, known);
    if (found < 1) throw new Error(`${file} is not a watcher database.`);
    return { meta: metaStore(db), close: () => db.open && db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
