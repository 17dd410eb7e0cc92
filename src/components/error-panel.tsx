// An inline error with what to do: the API's code, message and request_id (copyable), and a retry.
import { isApiError } from '@/lib/api/api-error';
import { CopyButton } from './copy-button';

function adviceFor(error: unknown): string {
  if (!isApiError(error))
    return 'Something unexpected went wrong. Retry, and contact support if it persists.';
  if (error.kind === 'network') return 'Check your network connection. We retry automatically.';
  if (error.kind === 'invalid-response')
    return 'The API sent something this dashboard cannot read. Quote the request id to Neo support.';
  if (error.status === 401 || error.kind === 'sign-in-required')
    return 'Sign in again to continue.';
  if (error.status === 403)
    return 'Your account is signed in but not allowed to see this. Ask a Neo admin for access.';
  if (error.status === 429)
    return error.retryAfterSeconds !== null
      ? `Neo's rate limit for your tenant was reached. Retrying after ${error.retryAfterSeconds}s.`
      : "Neo's rate limit for your tenant was reached. Wait a moment, then retry.";
  if (error.status >= 500)
    return 'Neo had a problem on its side. Retry; if it persists, quote the request id to Neo support.';
  return 'The request was not accepted. Quote the request id to Neo support if this looks wrong.';
}

export type ErrorPanelProps = {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retryLabel?: string;
};

export function ErrorPanel({ title, error, onRetry, retryLabel = 'Retry' }: ErrorPanelProps) {
  const apiError = isApiError(error) ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
      <p className="mt-1 text-red-900">{adviceFor(error)}</p>
      {apiError && (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="font-medium">Error code</dt>
          <dd>
            <code>{apiError.code}</code>
            {apiError.status > 0 && <span> (HTTP {apiError.status})</span>}
          </dd>
          {apiError.requestId && (
            <>
              <dt className="font-medium">Request id</dt>
              <dd className="flex items-center gap-2">
                <code>{apiError.requestId}</code>
                <CopyButton value={apiError.requestId} label="Copy request id" />
              </dd>
            </>
          )}
        </dl>
      )}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded bg-red-700 px-3 py-1.5 text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {retryLabel}
        </button>
      )}
    </div>
  );
}
