// After a 401 survives one silent renewal, ask the user to sign in again; the redirect returns here.
import { InteractionStatus } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';

export function SessionExpiredBanner({ scopes }: { scopes: string[] }) {
  const { instance, inProgress } = useMsal();
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-2 text-sm text-amber-950">
        <p>Your session has expired. Sign in again to continue where you were.</p>
        <button
          type="button"
          disabled={inProgress !== InteractionStatus.None}
          onClick={() => void instance.loginRedirect({ scopes })}
          className="rounded bg-amber-700 px-3 py-1.5 text-white hover:bg-amber-800 disabled:opacity-60"
        >
          Sign in again
        </button>
      </div>
    </div>
  );
}
