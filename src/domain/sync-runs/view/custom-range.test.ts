import { describe, expect, it } from 'vitest';
import { checkCustomRange, readLocalInput, toLocalInput } from './custom-range';

describe('checkCustomRange', () => {
  it('accepts a range of up to 30 days (read as UTC here)', () => {
    expect(checkCustomRange('2026-11-01T00:00', '2026-11-30T00:00', 'UTC')).toEqual({
      ok: true,
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-30T00:00:00.000Z',
    });
  });

  it('refuses what the API would reject, with the reason', () => {
    expect(checkCustomRange('2026-10-01T00:00', '2026-11-30T00:00', 'UTC')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/30 days/),
    });
    expect(checkCustomRange('2026-11-30T00:00', '2026-11-01T00:00', 'UTC')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/before/),
    });
    expect(checkCustomRange('', '2026-11-01T00:00', 'UTC')).toMatchObject({ ok: false });
  });
});

describe('a custom range in another zone', () => {
  it('reads the typed times in the shown zone', () => {
    expect(checkCustomRange('2026-11-01T09:00', '2026-11-02T09:00', 'Europe/Berlin')).toEqual({
      ok: true,
      since: '2026-11-01T08:00:00.000Z',
      until: '2026-11-02T08:00:00.000Z',
    });
    expect(checkCustomRange('2026-07-01T09:00', '2026-07-02T09:00', 'America/New_York')).toEqual({
      ok: true,
      since: '2026-07-01T13:00:00.000Z',
      until: '2026-07-02T13:00:00.000Z',
    });
  });

  it('fills the fields in the shown zone', () => {
    expect(toLocalInput('2026-11-01T08:00:00Z', 'Europe/Berlin')).toBe('2026-11-01T09:00');
    expect(toLocalInput('2026-11-01T08:00:00Z', 'Asia/Kolkata')).toBe('2026-11-01T13:30');
    expect(readLocalInput(toLocalInput('2026-11-01T08:00:00Z', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(
      Date.parse('2026-11-01T08:00:00Z'),
    );
  });
});
