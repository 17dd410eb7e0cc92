// One watcher per database file: an exclusive SQLite lock, taken at open and held until close.
import type Database from 'better-sqlite3';

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

/**
 * Takes the file's write lock and keeps it (`locking_mode = EXCLUSIVE` never releases it after a
 * transaction). The lock is the operating system's file lock, so it dies with the process: a
 * crashed watcher leaves no stale lock. The connection must be opened with `timeout: 0` so a
 * second opener fails at once. Returns the journal mode in effect.
 */
export function acquireExclusiveLock(db: Database.Database, file: string): string {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // In exclusive mode WAL keeps its index in heap memory (no -shm file), so both work together.
    const mode = db.pragma('journal_mode = WAL', { simple: true }) as string;
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return mode;
  } catch (error) {
    if (isBusy(error)) throw new StoreLockedError(file);
    throw error;
  }
}
