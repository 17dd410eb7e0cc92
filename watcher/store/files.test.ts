// The database, the files beside it and a folder the watcher creates are readable by its user only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notice, tempDbFile, testStore } from './test-support.ts';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the store files', () => {
  it('are created readable by the owner only: folder 0700, database, -wal, -shm and lock 0600', () => {
    const file = path.join(path.dirname(tempDbFile()), 'state', 'deeper', 'watcher.db');
    const store = testStore(file);
    store.notices.record(notice('k1'));
    expect(modeOf(path.dirname(file))).toBe(0o700);
    expect(modeOf(path.dirname(path.dirname(file)))).toBe(0o700);
    for (const name of [file, `${file}-wal`, `${file}-shm`, `${file}-lock`])
      expect([name, modeOf(name)]).toEqual([name, 0o600]);
  });

  it('tightens a database an older watcher left readable by others', () => {
    const file = tempDbFile();
    testStore(file).close();
    fs.chmodSync(file, 0o644);
    testStore(file);
    expect(modeOf(file)).toBe(0o600);
  });

  it('leaves an existing folder as it is', () => {
    const file = tempDbFile();
    fs.chmodSync(path.dirname(file), 0o755);
    testStore(file);
    expect(modeOf(path.dirname(file))).toBe(0o755);
  });
});
