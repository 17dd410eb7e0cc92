// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { TimeZoneContext } from '@/lib/time/use-time-zone';
import { TimeText } from './time-text';

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-29T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

function renderIn(timeZone: string, ui: React.ReactNode) {
  return render(<TimeZoneContext.Provider value={timeZone}>{ui}</TimeZoneContext.Provider>);
}

it('shows "12 minutes ago" with the exact time on hover, and moves on as time passes', () => {
  renderIn('Asia/Tokyo', <TimeText iso="2026-11-29T09:48:00Z" show="relative" />);
  const time = screen.getByText('12 minutes ago');
  expect(time).toHaveAttribute('dateTime', '2026-11-29T09:48:00Z');
  expect(time).toHaveAttribute(
    'title',
    expect.stringMatching(/November 29, 2026 at 6:48:00 PM GMT\+9/),
  );
  act(() => vi.advanceTimersByTime(60_000));
  expect(screen.getByText('13 minutes ago')).toBe(time);
});

it('shows the absolute time with its zone, and both where asked', () => {
  renderIn('UTC', <TimeText iso="2026-11-29T09:48:00Z" show="both" />);
  const time = screen.getByText(/Nov 29, 2026, 9:48 AM UTC/);
  expect(time).toHaveTextContent('(12 minutes ago)');
  expect(time.title).toContain('12 minutes ago');
});

it('says what a missing time means instead of showing nothing', () => {
  renderIn('UTC', <TimeText iso={null} show="relative" empty="Still running" />);
  expect(screen.getByText('Still running')).toBeVisible();
});
