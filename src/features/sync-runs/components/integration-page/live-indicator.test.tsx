// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { LiveIndicator } from './live-indicator';

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-29T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

it('ticks: when it last updated and when it checks next, without announcing every second', () => {
  const fetchedAt = Date.now() - 20_000;
  const props = { fetchedAt, intervalMs: 60_000, isFetching: false, error: null, running: false };
  const { rerender } = render(<LiveIndicator {...props} />);
  expect(screen.getByText(/updated/)).toHaveTextContent(
    'updated 20 seconds ago · next check in 40 s',
  );
  act(() => vi.advanceTimersByTime(5_000));
  expect(screen.getByText(/updated/)).toHaveTextContent(
    'updated 25 seconds ago · next check in 35 s',
  );
  // Only the state is in the live region, not the clock.
  expect(screen.getByRole('status')).toHaveTextContent(/^Live$/);

  rerender(<LiveIndicator {...props} isFetching />);
  expect(screen.getByText(/updated/)).toHaveTextContent('checking now…');

  const error = new ApiError({ kind: 'network', code: 'network_error', message: 'Offline.' });
  rerender(<LiveIndicator {...props} error={error} />);
  expect(screen.getByRole('status')).toHaveTextContent('Live updates paused: Offline. Retrying.');
});
