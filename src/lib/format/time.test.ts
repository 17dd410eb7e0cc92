import { describe, expect, it } from 'vitest';
import { durationMs, formatDateTime, formatDuration, formatRelative, timeTitle } from './time';

describe('durationMs', () => {
  it('measures finished runs and running runs up to now, never negative', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(durationMs('2026-11-29T09:58:30Z', '2026-11-29T09:59:00Z', now)).toBe(30_000);
    expect(durationMs('2026-11-29T09:00:00Z', null, now)).toBe(3_600_000);
    expect(durationMs('2026-11-29T10:00:05Z', '2026-11-29T10:00:00Z', now)).toBe(0);
    expect(durationMs(null, null, now)).toBeNull();
    expect(durationMs('not a date', null, now)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('reads naturally from seconds to days', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42_000)).toBe('42s');
    expect(formatDuration(98_000)).toBe('1m 38s');
    expect(formatDuration(9 * 3_600_000 + 26 * 60_000)).toBe('9h 26m');
    expect(formatDuration(3 * 86_400_000 + 2 * 3_600_000)).toBe('3d 2h');
  });
});

describe('formatRelative', () => {
  it('says "never" for no time and picks a sensible unit', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(formatRelative(null, now)).toBe('never');
    expect(formatRelative('2026-11-29T09:50:00Z', now)).toMatch(/10 minutes ago/);
    expect(formatRelative('2026-11-25T10:00:00Z', now)).toMatch(/4 days ago/);
  });
});

describe('absolute times', () => {
  const iso = '2026-11-29T09:48:07Z';

  it('name their zone, so a time read aloud to support is never ambiguous', () => {
    expect(formatDateTime(iso, 'UTC')).toMatch(/2026.*9:48.*UTC/);
    expect(formatDateTime(iso, 'Asia/Tokyo')).toMatch(/6:48.*GMT\+9/);
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('yesterday-ish')).toBe('yesterday-ish');
  });

  it('on hover: exact to the second, relative, and UTC', () => {
    const now = Date.parse('2026-11-29T10:00:07Z');
    const title = timeTitle(iso, now, 'Asia/Tokyo');
    expect(title).toMatch(/Sunday, November 29, 2026 at 6:48:07 PM GMT\+9/);
    expect(title).toContain('12 minutes ago');
    expect(title).toContain('2026-11-29T09:48:07.000Z (UTC)');
    // Already in UTC: not said twice.
    expect(timeTitle(iso, now, 'UTC')).not.toContain('(UTC)');
    expect(timeTitle('garbage', now)).toBe('garbage');
  });
});
