// A restart neither repeats nor loses a notice: everything the store holds survives close and reopen.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { notice, run, T0, tempDbFile, testStore } from './test-support.ts';

describe('the store across a restart', () => {
  it('keeps runs, states, notices, deliveries and meta', () => {
    const file = tempDbFile();
    const before = testStore(file);
    before.runs.upsert('halopsa', [run('r1', T0), run('r2', T0 - 1000, { status: 'RUNNING' })]);
    before.states.replaceAll('halopsa', new Map([['health', { state: 'failing' }]]));
    before.notices.record(notice('k1'));
    before.notices.record(notice('k2'));
    before.notices.recordDelivery('k1', 'teams', { ok: true, attempts: 1, at: T0 });
    before.meta.set('lastPoll:halopsa', String(T0));
    before.close();

    const after = testStore(file);
    expect(after.runs.list('halopsa', 0).map((r) => r.run_id)).toEqual(['r1', 'r2']);
    expect(after.runs.running('halopsa').map((r) => r.run_id)).toEqual(['r2']);
    expect(after.states.get('halopsa')).toEqual(new Map([['health', { state: 'failing' }]]));
    // Not repeated: the same change makes no second notice after the restart.
    expect(after.notices.record(notice('k1'))).toBe(false);
    // Not lost: what was not yet delivered is still pending.
    expect(after.notices.pendingFor(['teams']).map((p) => p.notice.key)).toEqual(['k2']);
    expect(after.notices.recent(10)).toHaveLength(2);
    expect(after.meta.get('lastPoll:halopsa')).toBe(String(T0));
    expect(after.meta.get('missing')).toBeNull();
  });

  it('keeps a notice recorded just before the watcher process was killed', () => {
    const file = tempDbFile();
    const script = `
      import { openStore } from './watcher/store/store.ts';
      const store = openStore(process.argv[1]);
      store.notices.record(JSON.parse(process.argv[2]));
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, file, JSON.stringify(notice('k1'))],
      { cwd: process.cwd(), encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');
    const after = testStore(file);
    expect(after.notices.recent(10).map((r) => r.notice)).toEqual([notice('k1')]);
    expect(after.notices.record(notice('k1'))).toBe(false);
  });
});
