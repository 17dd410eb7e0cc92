// A small key-value table for the watcher's own bookkeeping (last poll times, cursors, mutes).
import type Database from 'better-sqlite3';

export type MetaStore = {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Reads and rewrites one value in one write transaction (another process may write too). */
  update(key: string, next: (current: string | null) => string): void;
};

export function metaStore(db: Database.Database): MetaStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<[string]>('DELETE FROM meta WHERE key = ?');
  const update = db.transaction((key: string, next: (current: string | null) => string) => {
    upsert.run(key, next(select.get(key)?.value ?? null));
  });
  return {
    get: (key) => select.get(key)?.value ?? null,
    set: (key, value) => void upsert.run(key, value),
    delete: (key) => void remove.run(key),
    update: (key, next) => update.immediate(key, next),
  };
}
