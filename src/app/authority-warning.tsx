// Explains an unreachable or untrusted identity provider, with the exact fix for local development.
import type { AuthorityStatus } from '@/lib/auth/authority-check';

export function AuthorityWarning({
  status,
  onRetry,
}: {
  status: Exclude<AuthorityStatus, { reachable: true }>;
  onRetry: () => void;
}) {
  const acceptUrl = `${status.origin}/?return=${encodeURIComponent(window.location.href)}`;
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <p className="font-semibold">The sign-in service at {status.origin} cannot be reached.</p>
      {status.isLocal ? (
        <>
          <p className="mt-1">
            This is the local development identity provider. Either it is not running (start the app
            with <code>npm start</code>), or your browser does not yet trust its development
            certificate.
          </p>
          <ol className="mt-2 list-decimal pl-5">
            <li>
              Open{' '}
              <a className="font-medium underline" href={acceptUrl}>
                {status.origin}
              </a>{' '}
              once and accept the development certificate (in Chrome: Advanced → Proceed).
            </li>
            <li>Come back here and press Retry.</li>
          </ol>
        </>
      ) : (
        <p className="mt-1">Check your network connection or proxy, then retry.</p>
      )}
      <button
        type="button"
        onClick={onRetry}
        className="mt-3 rounded bg-amber-700 px-3 py-1.5 text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700"
      >
        Retry
      </button>
    </div>
  );
}
