// Shown instead of the sign-in page where the browser refuses this site every cookie and storage:
// Microsoft sign-in keeps its state there across the trip to the sign-in page and back, so without
// it the app could only loop or break. Says what to allow, and where.
export function StorageRefusedPage({ origin }: { origin: string }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">Sign-in needs this site’s data allowed</h1>
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
        This browser does not let Sync Runs keep cookies or site data, and signing in needs them.
      </p>
      <p className="text-slate-700">
        Allow cookies and site data for <strong>{origin}</strong> in this browser’s settings (in
        Chrome and Edge: the icon left of the address, then Site settings), then reload this page. A
        private window or a policy that blocks all cookies has the same effect.
      </p>
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="self-start rounded bg-slate-900 px-4 py-2 text-white"
      >
        Reload
      </button>
    </main>
  );
}
