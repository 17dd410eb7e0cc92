import { describe, expect, it } from 'vitest';
import { checkCustomRange } from './custom-range';

describe('checkCustomRange', () => {
  it('accepts a range of up to 30 days (read as UTC here)', () => {
    expect(checkCustomRange('2026-11-01T00:00', '2026-11-30T00:00', true)).toEqual({
      ok: true,
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-30T00:00:00.000Z',
    });
  });

  it('refuses what the API would reject, with the reason', () => {
    expect(checkCustomRange('2026-10-01T00:00', '2026-11-30T00:00', true)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/30 days/),
    });
    expect(checkCustomRange('2026-11-30T00:00', '2026-11-01T00:00', true)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/before/),
    });
    expect(checkCustomRange('', '2026-11-01T00:00', true)).toMatchObject({ ok: false });
  });
});
