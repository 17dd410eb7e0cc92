// One watcher per database file: a second open fails fast, a closed or crashed holder frees the file,
// and a short connection beside the running watcher (the CLI's --mute) can still write.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMute, storedMutes } from './mutes.ts';
import { openBesideWatcher, openStore, StoreLockedError } from './store.ts';
import { T0, tempDbFile, testStore } from './test-support.ts';

const message = (file: string) =>
  `Another watcher is already using ${file}. Run one watcher per tenant; stop the other one or ` +
  `point this one at its own database file.`;

/** Runs an ES module script in a separate Node process (with tsx), the file as `FILE`. */
function inChild(file: string, script: string) {
  const code = `const FILE = ${JSON.stringify(file)};\n${script}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: process.cwd(),
    encoding: 'utf8',
  });
}

describe('the store lock', () => {
  it('refuses a second store on the same file, with a plain message', () => {
    const file = tempDbFile();
    testStore(file);
    expect(() => openStore(file)).toThrow(StoreLockedError);
    expect(() => openStore(file)).toThrow(message(file));
  });

  it('refuses a second store reaching the file by another path', () => {
    const file = tempDbFile();
    testStore(file);
    const link = path.join(path.dirname(file), 'link.db');
    fs.symlinkSync(file, link);
    expect(() => openStore(link)).toThrow(StoreLockedError);
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

  it('uses WAL', () => {
    expect(testStore().journalMode).toBe('wal');
  });

  it('keeps another process from opening a second store on the file', () => {
    const file = tempDbFile();
    testStore(file).meta.set('k', 'v');
    const child = inChild(
      file,
      `import { openStore } from './watcher/store/store.ts';
       try { openStore(FILE); console.log('opened'); } catch (e) { console.log(e.name); }`,
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('StoreLockedError');
  });

  it('lets another process write a mute beside the running watcher, which sees it at once', () => {
    const file = tempDbFile();
    const store = testStore(file);
    expect(storedMutes(store)).toEqual([]);
    const child = inChild(
      file,
      `import { openBesideWatcher } from './watcher/store/store.ts';
       import { addMute } from './watcher/store/mutes.ts';
       const beside = openBesideWatcher(FILE);
       addMute(beside.meta, { integration: 'halopsa', until: ${T0 + 3_600_000} }, ${T0});
       beside.close();
       console.log('written');`,
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('written');
    expect(storedMutes(store)).toEqual([{ integration: 'halopsa', until: T0 + 3_600_000 }]);
    // An ended mute is dropped when the next one is added.
    const beside = openBesideWatcher(file);
    addMute(beside.meta, { integration: 'itglue', until: T0 + 7_200_000 }, T0 + 3_600_000);
    beside.close();
    expect(storedMutes(store)).toEqual([{ integration: 'itglue', until: T0 + 7_200_000 }]);
  });

  it('is not left behind by a crashed process', () => {
    const file = tempDbFile();
    testStore(file).close();
    const child = inChild(
      file,
      `import { openStore } from './watcher/store/store.ts';
       openStore(FILE).meta.set('crashed', 'yes');
       process.kill(process.pid, 'SIGKILL');`,
    );
    expect(child.signal).toBe('SIGKILL');
    const store = testStore(file);
    expect(store.meta.get('crashed')).toBe('yes');
  });
});
