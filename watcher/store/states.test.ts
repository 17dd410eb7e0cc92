// Last known states per integration and subject: set, get, delete and replace-all.
import { describe, expect, it } from 'vitest';
import { testStore } from './test-support.ts';

describe('store.states', () => {
  it('sets, overwrites, gets and deletes subjects per integration', () => {
    const store = testStore();
    expect(store.states.get('halopsa')).toEqual(new Map());
    store.states.set('halopsa', 'health', { state: 'failing', observedAt: '2026-11-28T12:00:00Z' });
    store.states.set('halopsa', 'sig:abc', { open: true });
    store.states.set('halopsa', 'health', { state: 'healthy' });
    store.states.set('autotask', 'health', { state: 'delayed' });
    expect(store.states.get('halopsa')).toEqual(
      new Map<string, unknown>([
        ['health', { state: 'healthy' }],
        ['sig:abc', { open: true }],
      ]),
    );
    store.states.delete('halopsa', 'sig:abc');
    store.states.delete('halopsa', 'never-there');
    expect([...store.states.get('halopsa').keys()]).toEqual(['health']);
    expect(store.states.get('autotask').get('health')).toEqual({ state: 'delayed' });
  });

  it('keeps any JSON value, and refuses what is not JSON', () => {
    const store = testStore();
    store.states.set('halopsa', 'n', 3);
    store.states.set('halopsa', 'null', null);
    store.states.set('halopsa', 's', 'text');
    expect(store.states.get('halopsa')).toEqual(
      new Map<string, unknown>([
        ['n', 3],
        ['null', null],
        ['s', 'text'],
      ]),
    );
    expect(() => store.states.set('halopsa', 'u', undefined)).toThrow(/"u" is not a JSON value/);
  });

  it('replaces all of an integration’s states at once, and not another’s', () => {
    const store = testStore();
    store.states.set('halopsa', 'health', 'failing');
    store.states.set('halopsa', 'anomaly:x', 'open');
    store.states.set('autotask', 'health', 'healthy');
    store.states.replaceAll(
      'halopsa',
      new Map([
        ['health', 'healthy'],
        ['sig:new', 'open'],
      ]),
    );
    expect(store.states.get('halopsa')).toEqual(
      new Map([
        ['health', 'healthy'],
        ['sig:new', 'open'],
      ]),
    );
    expect(store.states.get('autotask')).toEqual(new Map([['health', 'healthy']]));
  });

  it('leaves the states as they were when a replace fails', () => {
    const store = testStore();
    store.states.set('halopsa', 'health', 'failing');
    const entries = new Map<string, unknown>([
      ['health', 'healthy'],
      ['bad', undefined],
    ]);
    expect(() => store.states.replaceAll('halopsa', entries)).toThrow(TypeError);
    expect(store.states.get('halopsa')).toEqual(new Map([['health', 'failing']]));
  });
});
