// The store's schema as an ordered list of migrations, tracked in `PRAGMA user_version`.
import type Database from 'better-sqlite3';

export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, states, notices, deliveries, meta',
    sql: `
      CREATE TABLE runs (
        integration TEXT NOT NULL,
        run_id TEXT NOT NULL,
        status TEXT NOT NULL,
        started_ms INTEGER,
        seen_at INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (integration, run_id)
      ) WITHOUT ROWID;
      CREATE TABLE states (
        integration TEXT NOT NULL,
        subject TEXT NOT NULL,
        json TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (integration, subject)
      ) WITHOUT ROWID;
      CREATE TABLE notices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        integration TEXT,
        kind TEXT NOT NULL,
        recorded_at INTEGER NOT NULL,
        json TEXT NOT NULL
      );
      CREATE TABLE deliveries (
        notice_id INTEGER NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        ok INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        error TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (notice_id, channel)
      ) WITHOUT ROWID;
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'indexes for the runs window, recent notices and channel failures',
    sql: `
      CREATE INDEX runs_by_start ON runs (integration, started_ms);
      CREATE INDEX notices_by_time ON notices (recorded_at);
      CREATE INDEX deliveries_by_time ON deliveries (at, ok);
    `,
  },
];

/** The database was written by a newer watcher: opening it could corrupt what that one relies on. */
export class StoreVersionError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `${file} was written by a newer watcher (schema version ${found}; this one knows up to ` +
        `${known}). Upgrade this watcher, or point it at its own database file.`,
    );
    this.name = 'StoreVersionError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the missing migrations, each in its own transaction; refuses a newer schema. */
export function migrate(
  db: Database.Database,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const known = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > known) throw new StoreVersionError(file, current, known);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
