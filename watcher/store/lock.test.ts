// One watcher per database file: a second open fails fast, a closed or crashed holder frees the file.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore, StoreLockedError } from './store.ts';
import { tempDbFile, testStore } from './test-support.ts';

const message = (file: string) =>
  `Another watcher is already using ${file}. Run one watcher per tenant; stop the other one or ` +
  `point this one at its own database file.`;

/** Runs a script in a separate Node process with `better-sqlite3` and the file as `FILE`. */
function inChild(file: string, script: string) {
  const code = `const Database = require('better-sqlite3'); const FILE = ${JSON.stringify(file)};\n${script}`;
  return spawnSync(process.execPath, ['-e', code], { cwd: process.cwd(), encoding: 'utf8' });
}

describe('the store lock', () => {
  it('refuses a second store on the same file, with a plain message', () => {
    const file = tempDbFile();
    testStore(file);
    expect(() => openStore(file)).toThrow(StoreLockedError);
    expect(() => openStore(file)).toThrow(message(file));
  });

  it('frees the file on close', () => {
    const file = tempDbFile();
    const first = testStore(file);
    first.meta.set('owner', 'first');
    first.close();
    first.close();
    const second = testStore(file);
    expect(second.meta.get('owner')).toBe('first');
  });

  it('uses WAL with the exclusive lock', () => {
    expect(testStore().journalMode).toBe('wal');
  });

  it('keeps another process from reading or writing the file while open', () => {
    const file = tempDbFile();
    testStore(file).meta.set('k', 'v');
    const child = inChild(
      file,
      `const db = new Database(FILE, { timeout: 0 });
       for (const sql of ["SELECT COUNT(*) FROM meta", "INSERT INTO meta VALUES ('x', 'y')"]) {
         try { db.prepare(sql).run(); console.log('ok'); } catch (e) { console.log(e.code); }
       }`,
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim().split('\n')).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY']);
  });

  it('is not left behind by a crashed process', () => {
    const file = tempDbFile();
    testStore(file).close();
    const child = inChild(
      file,
      `const db = new Database(FILE, { timeout: 0 });
       db.pragma('locking_mode = EXCLUSIVE');
       db.pragma('journal_mode = WAL');
       db.prepare("INSERT INTO meta VALUES ('crashed', 'yes')").run();
       process.kill(process.pid, 'SIGKILL');`,
    );
    expect(child.signal).toBe('SIGKILL');
    const store = testStore(file);
    expect(store.meta.get('crashed')).toBe('yes');
  });
});
