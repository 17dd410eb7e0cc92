// The runs window: upsert by run id, newest-first listing, pruning, RUNNING runs, start-less runs.
import { describe, expect, it } from 'vitest';
import { clock, DAY, HOUR, run, T0, testStore } from './test-support.ts';

describe('store.runs', () => {
  it('replaces a RUNNING run by its finished copy', () => {
    const store = testStore();
    store.runs.upsert('halopsa', [run('r1', T0, { status: 'RUNNING', finished_at: null })]);
    expect(store.runs.running('halopsa').map((r) => r.run_id)).toEqual(['r1']);
    const finished = run('r1', T0, { status: 'FAILURE', error: 'boom' });
    store.runs.upsert('halopsa', [finished]);
    expect(store.runs.count('halopsa')).toBe(1);
    expect(store.runs.list('halopsa', 0)).toEqual([finished]);
    expect(store.runs.running('halopsa')).toEqual([]);
  });

  it('lists runs since a time, newest start first, start-less runs last', () => {
    const time = clock();
    const store = testStore(undefined, time.now);
    store.runs.upsert('halopsa', [
      run('old', T0 - 3 * DAY),
      run('b', T0 - HOUR),
      run('none1', null),
    ]);
    time.advance(1000);
    store.runs.upsert('halopsa', [run('a', T0), run('c', T0 - 2 * HOUR), run('none2', null)]);
    store.runs.upsert('autotask', [run('other', T0)]);
    const ids = store.runs.list('halopsa', T0 - DAY).map((r) => r.run_id);
    expect(ids).toEqual(['a', 'b', 'c', 'none2', 'none1']);
    expect(store.runs.count('halopsa')).toBe(6);
    expect(store.runs.count('nobody')).toBe(0);
  });

  it('gives the newest start time, or null', () => {
    const store = testStore();
    expect(store.runs.newestStart('halopsa')).toBeNull();
    store.runs.upsert('halopsa', [run('none', null)]);
    expect(store.runs.newestStart('halopsa')).toBeNull();
    store.runs.upsert('halopsa', [run('a', T0 - HOUR), run('b', T0), run('c', T0 - DAY)]);
    expect(store.runs.newestStart('halopsa')).toBe(T0);
  });

  it('lists only RUNNING runs as running, newest first', () => {
    const store = testStore();
    store.runs.upsert('halopsa', [
      run('r1', T0 - HOUR, { status: 'RUNNING' }),
      run('s', T0, { status: 'SUCCESS' }),
      run('r2', T0, { status: 'RUNNING' }),
      run('k', T0, { status: 'SKIPPED' }),
    ]);
    expect(store.runs.running('halopsa').map((r) => r.run_id)).toEqual(['r2', 'r1']);
    expect(store.runs.running('autotask')).toEqual([]);
  });

  it('prunes runs started before a time and start-less runs unseen for 30 days', () => {
    const time = clock();
    const store = testStore(undefined, time.now);
    store.runs.upsert('halopsa', [run('stale-none', null)]);
    time.advance(5 * DAY);
    store.runs.upsert('halopsa', [run('fresh-none', null), run('old', T0 - 31 * DAY)]);
    store.runs.upsert('halopsa', [run('edge', T0 - 30 * DAY), run('new', T0)]);
    store.runs.upsert('autotask', [run('other-old', T0 - 40 * DAY)]);
    time.advance(26 * DAY); // 31 days after 'stale-none' was seen, 26 after the rest.
    expect(store.runs.prune('halopsa', T0 - 30 * DAY)).toBe(2);
    expect(store.runs.list('halopsa', 0).map((r) => r.run_id)).toEqual([
      'new',
      'edge',
      'fresh-none',
    ]);
    expect(store.runs.count('autotask')).toBe(1);
  });

  it('counts a start time it cannot read as none', () => {
    const store = testStore();
    store.runs.upsert('halopsa', [run('odd', null, { started_at: 'not a date' }), run('a', T0)]);
    expect(store.runs.list('halopsa', T0).map((r) => r.run_id)).toEqual(['a', 'odd']);
    expect(store.runs.newestStart('halopsa')).toBe(T0);
  });

  it('writes a batch all or nothing', () => {
    const store = testStore();
    const bad = { ...run('bad', T0), run_id: null } as unknown as ReturnType<typeof run>;
    expect(() => store.runs.upsert('halopsa', [run('a', T0), bad])).toThrow();
    expect(store.runs.count('halopsa')).toBe(0);
  });
});
