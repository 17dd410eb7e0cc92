// One watcher per database file: an exclusive SQLite lock on a lock file beside it (`<file>-lock`),
// taken at open and held until close. The database itself is shared (WAL with a busy timeout), so
// a short connection such as `--mute` can write while the watcher runs; a second watcher cannot.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ownerOnlyFile } from './files.ts';

export class StoreLockedError extends Error {
  constructor(file: string) {
    super(
      `Another watcher is already using ${file}. Run one watcher per tenant; stop the other one ` +
        `or point this one at its own database file.`,
    );
    this.name = 'StoreLockedError';
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED');
}

/** The lock file of a database, by its real path: a second path (a symlink) finds the same lock. */
export function lockFileOf(file: string): string {
  return `${fs.realpathSync(file)}-lock`;
}

/**
 * Takes the lock file's write lock and keeps it (`locking_mode = EXCLUSIVE` never releases it
 * after a transaction). It is the operating system's file lock, so it dies with the process: a
 * crashed watcher leaves no stale lock. The lock file stays (removing it would let two processes
 * lock two different files). Returns the release. The database file must exist.
 */
export function acquireStoreLock(file: string): () => void {
  const lockFile = lockFileOf(file);
  ownerOnlyFile(lockFile);
  // No busy wait: a file held by another watcher must fail the open at once.
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new StoreLockedError(file);
    throw error;
  }
  return () => {
    if (lock.open) lock.close();
  };
}
