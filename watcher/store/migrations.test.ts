// Versioned migrations: a fresh file gets the latest schema, an older one is brought up to date
// with its data kept, and a file from a newer watcher is refused.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, schemaVersion } from './migrations.ts';
import { openStore, StoreVersionError } from './store.ts';
import { run, T0, tempDbFile, testStore } from './test-support.ts';

const LATEST = MIGRATIONS.at(-1)!.version;

/** The names of the file's tables or of its own (not automatic) indexes, sorted. */
function names(file: string, type: 'table' | 'index'): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare<[string], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all(type);
  db.close();
  return rows.map((row) => row.name);
}
const indexes = (file: string) => names(file, 'index');
const TABLES = ['deliveries', 'meta', 'notices', 'runs', 'states'];
const INDEXES = ['deliveries_by_time', 'notices_by_time', 'runs_by_start'];

describe('migrations', () => {
  it('are numbered 1, 2, … in order', () => {
    expect(MIGRATIONS.map((m) => [m.version, m.name])).toEqual([
      [1, 'runs, states, notices, deliveries, meta'],
      [2, 'indexes for the runs window, recent notices and channel failures'],
    ]);
    expect(LATEST).toBe(2);
  });

  it('give a fresh file the latest schema', () => {
    const file = tempDbFile();
    const store = testStore(file);
    expect(store.schemaVersion).toBe(LATEST);
    store.close();
    expect(names(file, 'table')).toEqual(TABLES);
    expect(indexes(file)).toEqual(INDEXES);
  });

  it('bring a version-1 file up to date and keep its data', () => {
    const file = tempDbFile();
    const db = new Database(file);
    expect(migrate(db, file, MIGRATIONS.slice(0, 1))).toBe(1);
    const json = JSON.stringify(run('r1', T0));
    db.prepare("INSERT INTO runs VALUES ('halopsa', 'r1', 'SUCCESS', ?, ?, ?)").run(T0, T0, json);
    db.prepare("INSERT INTO meta VALUES ('cursor', 'abc')").run();
    db.close();
    expect(names(file, 'table')).toEqual(TABLES);
    expect(indexes(file)).toEqual([]);

    const store = testStore(file);
    expect(store.schemaVersion).toBe(LATEST);
    expect(store.runs.list('halopsa', 0)).toEqual([run('r1', T0)]);
    expect(store.meta.get('cursor')).toBe('abc');
    store.close();
    expect(indexes(file)).toEqual(INDEXES);
    const reopened = new Database(file, { readonly: true });
    expect(schemaVersion(reopened)).toBe(LATEST);
    reopened.close();
  });

  it('roll back a migration that fails, leaving the version as it was', () => {
    const file = tempDbFile();
    const db = new Database(file);
    // Its first statement succeeds, its second fails: the first must not stay behind.
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST + 1,
        name: 'broken',
        sql: 'CREATE TABLE extra (x); CREATE TABLE meta (x);',
      },
    ];
    expect(() => migrate(db, file, broken)).toThrow('table meta already exists');
    expect(schemaVersion(db)).toBe(LATEST);
    db.close();
    expect(names(file, 'table')).toEqual(TABLES);
    expect(indexes(file)).toEqual(INDEXES);
  });

  it('refuse a file written by a newer watcher', () => {
    const file = tempDbFile();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(StoreVersionError);
    expect(() => openStore(file)).toThrow(
      `${file} was written by a newer watcher (schema version ${LATEST + 1}; this one knows up to ${LATEST}). ` +
        'Upgrade this watcher, or point it at its own database file.',
    );
    // The refused open released the file.
    const again = new Database(file, { timeout: 0 });
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST + 1);
    again.close();
  });
});
