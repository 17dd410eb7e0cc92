import { describe, expect, it } from 'vitest';
import {
  allTimeZones,
  isTimeZone,
  readTimeZone,
  wallTimeToMs,
  msToWallTime,
  zoneOf,
} from './time-zones';

describe('readTimeZone', () => {
  it('accepts IANA zones in any letter case and gives their own spelling', () => {
    expect(readTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(readTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(readTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(readTimeZone('Asia/Calcutta')).toBe('Asia/Calcutta');
    // An alias is a zone too, named as this browser names it.
    expect(readTimeZone('America/Argentina/Buenos_Aires')).toMatch(/Buenos_Aires$/);
  });

  it('keeps the old tz=utc and tz=local, and reads UTC spellings as utc', () => {
    expect(readTimeZone('utc')).toBe('utc');
    expect(readTimeZone('UTC')).toBe('utc');
    expect(readTimeZone('Etc/UTC')).toBe('utc');
    expect(readTimeZone('local')).toBe('local');
  });

  it('refuses what is not a zone', () => {
    for (const bad of [
      'Mars/Olympus_Mons',
      '',
      '  ',
      '<script>',
      'Europe/Berlin;x',
      'a'.repeat(80),
    ])
      expect(readTimeZone(bad)).toBeNull();
  });
});

describe('isTimeZone', () => {
  it('accepts IANA zone names in any letter case, and nothing else', () => {
    for (const zone of ['Europe/Berlin', 'europe/berlin', 'UTC', 'Etc/GMT+1', 'Asia/Calcutta'])
      expect(isTimeZone(zone), zone).toBe(true);
    // An offset is no zone name, even where a runtime's Intl takes it; neither are padded names.
    for (const bad of ['Mars/Olympus_Mons', '+01:00', '-05:00', ' Europe/Berlin', 'local', ''])
      expect(isTimeZone(bad), bad).toBe(false);
    expect(isTimeZone('a'.repeat(80))).toBe(false);
  });
});

describe('zoneOf', () => {
  it('maps the choice to the zone to format with', () => {
    expect(zoneOf('local')).toBeUndefined();
    expect(zoneOf('utc')).toBe('UTC');
    expect(zoneOf('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});

describe('wall-clock times in a zone', () => {
  it('reads a winter and a summer time in Berlin', () => {
    expect(new Date(wallTimeToMs(Date.UTC(2026, 0, 15, 9, 0), 'Europe/Berlin')).toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(new Date(wallTimeToMs(Date.UTC(2026, 6, 15, 9, 0), 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });

  it('handles zones with half-hour offsets and the other side of the date line', () => {
    expect(new Date(wallTimeToMs(Date.UTC(2026, 10, 29, 0, 0), 'Asia/Kolkata')).toISOString()).toBe(
      '2026-11-28T18:30:00.000Z',
    );
    expect(
      new Date(wallTimeToMs(Date.UTC(2026, 10, 29, 0, 0), 'Pacific/Auckland')).toISOString(),
    ).toBe('2026-11-28T11:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward, and takes the first of a repeated one', () => {
    // Berlin skips 02:00–03:00 on 29 March 2026 and repeats 02:00–03:00 on 25 October 2026.
    expect(
      new Date(wallTimeToMs(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin')).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
    expect(
      new Date(wallTimeToMs(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips an instant through its wall time', () => {
    const ms = Date.parse('2026-11-29T09:48:00Z');
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'])
      expect(wallTimeToMs(msToWallTime(ms, zone), zone)).toBe(ms);
  });

  it('lists hundreds of zones, renamed ones by their current name', () => {
    expect(allTimeZones().length).toBeGreaterThan(300);
    expect(allTimeZones()).toContain('Europe/Berlin');
    expect(allTimeZones()).toContain('Asia/Kolkata');
    expect(allTimeZones()).not.toContain('Asia/Calcutta');
  });
});
