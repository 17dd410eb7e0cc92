// While a transient failure is retried, or the network is awaited, say so: the cause, and when the
// next try starts, counting down (Neo's Retry-After, or the backoff chosen for this page).
import { useState } from 'react';
import { NOTICE } from '@/components/notice-styles';
import { isApiError, type ApiError } from '@/lib/api/api-error';
import type { RetryEvent } from '@/lib/api/retry';
import { SECOND_TICK_MS, useClock } from '@/lib/time/use-clock';

export type RetryNoticeProps = {
  failureReason: unknown;
  failureCount: number;
  paused: boolean;
  fetching: boolean;
  /** A single page being retried inside a round of parallel requests. */
  pageRetry?: (RetryEvent & { at: number }) | null;
};

function cause(error: ApiError): string {
  if (error.status === 429)
    return `Neo's rate limit for your tenant was reached${error.retryAfterSeconds !== null ? `; Neo asked to wait ${error.retryAfterSeconds} s` : ''}.`;
  if (error.kind === 'network') return 'The connection to Neo was lost.';
  return `Neo answered with an error (${error.code}${error.requestId ? `, request ${error.requestId}` : ''}).`;
}

/** "Trying again in 12 s", counting down to `until`. */
function Countdown({ until }: { until: number }) {
  const now = useClock(SECOND_TICK_MS);
  const left = Math.ceil((until - now) / 1000);
  return <>{left > 0 ? `Trying again in ${left} s.` : 'Trying again now.'}</>;
}

/** The query's own retry: the wait starts when this attempt's notice first shows (keyed per try). */
function CountdownFromNow({ ms }: { ms: number | null }) {
  const [until] = useState(() => (ms === null ? null : Date.now() + ms));
  return until === null ? <>Trying again.</> : <Countdown until={until} />;
}

export function RetryNotice(props: RetryNoticeProps) {
  const { failureReason, failureCount, paused, fetching, pageRetry } = props;
  if (paused) {
    return (
      <p role="status" className={NOTICE.warning}>
        You are offline. Loading will continue by itself when the connection returns.
      </p>
    );
  }
  if (fetching && isApiError(failureReason) && failureReason.isTransient && failureCount > 0) {
    const wait = failureReason.retryAfterSeconds;
    return (
      <p role="status" className={NOTICE.warning}>
        {cause(failureReason)}{' '}
        <CountdownFromNow
          key={failureCount}
          ms={wait === null ? null : Math.min(wait, 120) * 1000}
        />{' '}
        Attempt {failureCount + 1}.
      </p>
    );
  }
  if (fetching && pageRetry && isApiError(pageRetry.error)) {
    return (
      <p role="status" className={NOTICE.warning}>
        {cause(pageRetry.error)} <Countdown until={pageRetry.at + pageRetry.delayMs} /> Retry{' '}
        {pageRetry.attempt} of one page; the runs already loaded stay.
      </p>
    );
  }
  return null;
}
