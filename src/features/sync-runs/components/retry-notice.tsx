// While the query client retries a transient failure, or waits for the network, say so.
import { NOTICE } from '../../../components/notice-styles';
import { isApiError, type ApiError } from '../../../lib/api/api-error';
import type { RetryEvent } from '../../../lib/api/retry';

export type RetryNoticeProps = {
  failureReason: unknown;
  failureCount: number;
  paused: boolean;
  fetching: boolean;
  /** A single page being retried inside a round of parallel requests. */
  pageRetry?: RetryEvent | null;
};

function describe(error: ApiError, waitSeconds: number | null): string {
  if (error.status === 429)
    return `Neo's rate limit for your tenant was reached${waitSeconds !== null ? `; waiting ${waitSeconds} s as Neo asked` : ''} before trying again.`;
  if (error.kind === 'network') return 'The connection to Neo was lost; retrying.';
  return `Neo answered with an error (${error.code}${error.requestId ? `, request ${error.requestId}` : ''}); retrying.`;
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
    return (
      <p role="status" className={NOTICE.warning}>
        {describe(failureReason, failureReason.retryAfterSeconds)} Attempt {failureCount + 1}.
      </p>
    );
  }
  if (fetching && pageRetry && isApiError(pageRetry.error)) {
    const waitSeconds = Math.ceil(pageRetry.delayMs / 1000);
    return (
      <p role="status" className={NOTICE.warning}>
        {describe(pageRetry.error, pageRetry.error.status === 429 ? waitSeconds : null)} Retry{' '}
        {pageRetry.attempt} of one page; the runs already loaded stay.
      </p>
    );
  }
  return null;
}
