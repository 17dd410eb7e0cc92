// Notices are recorded once by key; deliveries are one row per (notice, channel), updated on retry.
import { describe, expect, it } from 'vitest';
import { clock, DAY, HOUR, notice, T0, testStore } from './test-support.ts';

describe('store.notices', () => {
  it('records a notice once: a duplicate key returns false and changes nothing', () => {
    const store = testStore();
    expect(store.notices.record(notice('k1'))).toBe(true);
    expect(store.notices.record(notice('k1', { title: 'Another title' }))).toBe(false);
    const recent = store.notices.recent(10);
    expect(recent).toHaveLength(1);
    expect(recent[0]?.notice).toEqual(notice('k1'));
  });

  it('keeps a digest with its items', () => {
    const store = testStore();
    const digest = notice('d1', { kind: 'digest', integration: null, items: [notice('i1')] });
    store.notices.record(digest);
    expect(store.notices.recent(1)[0]?.notice).toEqual(digest);
  });

  it('keeps one delivery row per channel, updated on retry', () => {
    const store = testStore();
    store.notices.record(notice('k1'));
    store.notices.recordDelivery('k1', 'teams', {
      ok: false,
      attempts: 2,
      error: 'HTTP 502',
      at: T0,
    });
    store.notices.recordDelivery('k1', 'slack', { ok: true, attempts: 1, at: T0 });
    expect(store.notices.recent(1)[0]?.deliveries).toEqual([
      { channel: 'slack', ok: true, attempts: 1, error: null, at: T0 },
      { channel: 'teams', ok: false, attempts: 2, error: 'HTTP 502', at: T0 },
    ]);
    store.notices.recordDelivery('k1', 'teams', { ok: true, attempts: 1, at: T0 + 60_000 });
    store.notices.recordDelivery('k1', 'teams', {
      ok: false,
      attempts: 1,
      error: 'late',
      at: T0 + 120_000,
    });
    expect(store.notices.recent(1)[0]?.deliveries[1]).toEqual({
      channel: 'teams',
      ok: true,
      attempts: 4,
      error: null,
      at: T0 + 120_000,
    });
  });

  it('refuses a delivery of a notice it never recorded', () => {
    const store = testStore();
    expect(() =>
      store.notices.recordDelivery('nope', 'teams', { ok: true, attempts: 1, at: T0 }),
    ).toThrow('No notice with the key "nope" is recorded.');
  });

  it('lists pending deliveries of the last 24 hours, per channel not yet ok', () => {
    const time = clock(T0 - 25 * HOUR);
    const store = testStore(undefined, time.now);
    store.notices.record(notice('too-old'));
    time.set(T0 - 2 * HOUR);
    store.notices.record(notice('older'));
    time.set(T0 - HOUR);
    store.notices.record(notice('newer'));
    time.set(T0);
    store.notices.recordDelivery('older', 'teams', { ok: true, attempts: 1, at: T0 });
    store.notices.recordDelivery('older', 'slack', { ok: false, attempts: 3, error: 'x', at: T0 });
    const pending = store.notices.pendingFor(['teams', 'slack', 'email']);
    expect(pending.map((p) => [p.notice.key, p.channel, p.attempts])).toEqual([
      ['older', 'slack', 3],
      ['older', 'email', 0],
      ['newer', 'teams', 0],
      ['newer', 'slack', 0],
      ['newer', 'email', 0],
    ]);
    expect(pending[0]?.notice).toEqual(notice('older'));
    expect(store.notices.pendingFor([])).toEqual([]);
    expect(store.notices.pendingFor(['teams']).map((p) => p.notice.key)).toEqual(['newer']);
  });

  it('lists recent notices newest first, up to a limit', () => {
    const time = clock();
    const store = testStore(undefined, time.now);
    for (const key of ['a', 'b', 'c']) {
      store.notices.record(notice(key));
      time.advance(1000);
    }
    store.notices.recordDelivery('a', 'teams', { ok: true, attempts: 1, at: T0 });
    expect(store.notices.recent(2).map((r) => r.notice.key)).toEqual(['c', 'b']);
    expect(store.notices.recent(10).map((r) => [r.notice.key, r.deliveries.length])).toEqual([
      ['c', 0],
      ['b', 0],
      ['a', 1],
    ]);
  });

  it('counts failed deliveries per channel since a time', () => {
    const store = testStore();
    for (const key of ['a', 'b', 'c']) store.notices.record(notice(key));
    const fail = { ok: false, attempts: 1, error: 'down' };
    store.notices.recordDelivery('a', 'teams', { ...fail, at: T0 - 2 * DAY });
    store.notices.recordDelivery('b', 'teams', { ...fail, at: T0 });
    store.notices.recordDelivery('c', 'teams', { ...fail, at: T0 });
    store.notices.recordDelivery('a', 'slack', { ...fail, at: T0 });
    store.notices.recordDelivery('b', 'slack', { ok: true, attempts: 1, at: T0 });
    store.notices.recordDelivery('c', 'email', { ok: true, attempts: 2, at: T0 });
    expect(store.notices.channelFailures(T0 - DAY)).toEqual(
      new Map([
        ['slack', 1],
        ['teams', 2],
      ]),
    );
  });

  it('prunes old notices with their deliveries', () => {
    const time = clock(T0 - 10 * DAY);
    const store = testStore(undefined, time.now);
    store.notices.record(notice('old'));
    store.notices.recordDelivery('old', 'teams', { ok: false, attempts: 1, at: T0 - 10 * DAY });
    time.set(T0);
    store.notices.record(notice('new'));
    expect(store.notices.prune(T0 - 7 * DAY)).toBe(1);
    expect(store.notices.recent(10).map((r) => r.notice.key)).toEqual(['new']);
    expect(store.notices.channelFailures(0)).toEqual(new Map());
  });
});
