// The signed-out screen: one button, plus a clear explanation when sign-in cannot work.
import { InteractionStatus } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { checkAuthority } from '@/lib/auth/authority-check';
import type { AppConfig } from '@/lib/config/app-config';
import { AuthorityWarning } from './authority-warning';

function describeSignInError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function SignInPage({
  config,
  redirectError,
}: {
  config: AppConfig;
  redirectError: unknown;
}) {
  const { instance, inProgress } = useMsal();
  const [signInError, setSignInError] = useState<unknown>(redirectError);
  const authority = useQuery({
    queryKey: ['authority-check', config.auth.authority],
    queryFn: () => checkAuthority(config.auth.authority),
    retry: false,
    staleTime: 0,
  });

  async function signIn() {
    if (inProgress !== InteractionStatus.None) return;
    setSignInError(null);
    try {
      await instance.loginRedirect({ scopes: config.auth.scopes });
    } catch (error) {
      setSignInError(error);
      void authority.refetch();
    }
  }

  const busy = inProgress !== InteractionStatus.None;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">Sync Runs</h1>
      <p className="text-slate-700">
        See how each of your Neo integrations has been syncing, and find out where a record you
        created is. Sign in with your Microsoft work account.
      </p>
      {authority.data && !authority.data.reachable && (
        <AuthorityWarning status={authority.data} onRetry={() => void authority.refetch()} />
      )}
      {signInError !== null && signInError !== undefined && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950"
        >
          Sign-in did not complete: {describeSignInError(signInError)}
        </p>
      )}
      <button
        type="button"
        onClick={() => void signIn()}
        disabled={busy}
        className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60"
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </main>
  );
}
