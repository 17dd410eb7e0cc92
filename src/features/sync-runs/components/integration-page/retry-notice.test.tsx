// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { RetryNotice } from './retry-notice';

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-29T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

const rateLimited = (retryAfterSeconds: number | null) =>
  new ApiError({
    kind: 'http',
    status: 429,
    code: 'rate_limited',
    message: 'Too many requests',
    requestId: '9f8e7d6c-5b4a-4d1c-8b0a-7d6c5b4a3f2e',
    retryAfterSeconds,
  });

it("counts down Neo's Retry-After before the page is asked for again", () => {
  render(
    <RetryNotice
      failureReason={null}
      failureCount={0}
      paused={false}
      fetching
      pageRetry={{ error: rateLimited(30), attempt: 1, delayMs: 30_000, at: Date.now() }}
    />,
  );
  const notice = screen.getByRole('status');
  expect(notice).toHaveTextContent(
    "Neo's rate limit for your tenant was reached; Neo asked to wait 30 s.",
  );
  expect(notice).toHaveTextContent('Trying again in 30 s.');
  act(() => vi.advanceTimersByTime(12_000));
  expect(notice).toHaveTextContent('Trying again in 18 s.');
  act(() => vi.advanceTimersByTime(20_000));
  expect(notice).toHaveTextContent('Trying again now.');
  expect(notice).toHaveTextContent('the runs already loaded stay');
});

it('counts down a retry of the whole request, per attempt', () => {
  const { rerender } = render(
    <RetryNotice failureReason={rateLimited(10)} failureCount={1} paused={false} fetching />,
  );
  act(() => vi.advanceTimersByTime(4_000));
  expect(screen.getByRole('status')).toHaveTextContent('Trying again in 6 s. Attempt 2.');
  // The next attempt failed too: a fresh wait.
  rerender(
    <RetryNotice failureReason={rateLimited(10)} failureCount={2} paused={false} fetching />,
  );
  expect(screen.getByRole('status')).toHaveTextContent('Trying again in 10 s. Attempt 3.');
});

it('says it retries without inventing a time when the wait is not known', () => {
  const outage = new ApiError({ kind: 'http', status: 503, code: 'unavailable', message: 'Down' });
  render(<RetryNotice failureReason={outage} failureCount={1} paused={false} fetching />);
  expect(screen.getByRole('status')).toHaveTextContent(
    'Neo answered with an error (unavailable). Trying again. Attempt 2.',
  );
});
