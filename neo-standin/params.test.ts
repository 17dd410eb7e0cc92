// @vitest-environment node
// Strict ISO-8601 and the cursor format: garbage in is refused, never guessed at.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './core/cursor.ts';
import { parseIsoInstant } from './core/iso-time.ts';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-11-28T10:15:00Z', Date.UTC(2026, 10, 28, 10, 15)],
    ['2026-11-28T10:15:00.123Z', Date.UTC(2026, 10, 28, 10, 15, 0, 123)],
    ['2026-11-28T10:15:00.123456789Z', Date.UTC(2026, 10, 28, 10, 15, 0, 123)],
    ['2026-11-28T10:15Z', Date.UTC(2026, 10, 28, 10, 15)],
    ['2026-11-28T12:15:00+02:00', Date.UTC(2026, 10, 28, 10, 15)],
    ['2026-11-28T05:15:00-0500', Date.UTC(2026, 10, 28, 10, 15)],
    ['2026-11-28t10:15:00z', Date.UTC(2026, 10, 28, 10, 15)],
    ['2026-11-28', Date.UTC(2026, 10, 28)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '1764324900',
    '2026-11-28T10:15:00', // no zone: which instant?
    '2026-11-28 10:15:00Z',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-31',
    '2026-11-28T24:00:00Z',
    '2026-11-28T10:60:00Z',
    '2026-11-28T10:15:60Z',
    '2026-11-28T10:15:00+24:00',
    '2026-11-28T10:15:00Z ',
    '20261128T101500Z',
    '+002026-11-28T10:15:00Z',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});

describe('cursor', () => {
  const state = {
    name: 'connectwise',
    since: 1,
    until: 2,
    after: { t: 3, id: 'run' },
    pageSize: 200,
  };

  it('round-trips and is URL-safe', () => {
    const cursor = encodeCursor(state, 'secret');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'secret')).toEqual({ ok: true, state });
  });

  it('refuses another secret, edits, and garbage', () => {
    const cursor = encodeCursor(state, 'secret');
    expect(decodeCursor(cursor, 'other').ok).toBe(false);
    expect(decodeCursor(`${cursor.slice(0, -2)}AA`, 'secret').ok).toBe(false);
    for (const garbage of ['', '!!!', 'e30', btoa('[1,2,3]'), 'x'.repeat(2000)])
      expect(decodeCursor(garbage, 'secret').ok).toBe(false);
  });
});
