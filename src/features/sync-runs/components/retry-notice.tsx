// While the query client retries a transient failure, or waits for the network, say so.
import { NOTICE } from '../../../components/notice-styles';
import { isApiError } from '../../../lib/api/api-error';

export type RetryNoticeProps = {
  failureReason: unknown;
  failureCount: number;
  paused: boolean;
  fetching: boolean;
};

export function RetryNotice({ failureReason, failureCount, paused, fetching }: RetryNoticeProps) {
  if (paused) {
    return (
      <p role="status" className={NOTICE.warning}>
        You are offline. Loading will continue by itself when the connection returns.
      </p>
    );
  }
  if (!fetching || !isApiError(failureReason) || !failureReason.isTransient || failureCount === 0)
    return null;
  const text =
    failureReason.status === 429
      ? `Neo's rate limit for your tenant was reached${failureReason.retryAfterSeconds !== null ? `; waiting ${failureReason.retryAfterSeconds} s as Neo asked` : ''} before trying again.`
      : failureReason.kind === 'network'
        ? 'The connection to Neo was lost; retrying.'
        : `Neo answered with an error (${failureReason.code}); retrying.`;
  return (
    <p role="status" className={NOTICE.warning}>
      {text} Attempt {failureCount + 1}.
    </p>
  );
}
