// What the user sees in the first milliseconds, before sign-in state is known: the app's frame.
export function StartupShell() {
  return (
    <div aria-busy="true">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-3">
          <span className="text-lg font-semibold">Sync Runs</span>
          <span className="h-8 w-40 rounded bg-slate-100" aria-hidden="true" />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">
        <p role="status" className="sr-only">
          Loading Sync Runs…
        </p>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-hidden="true">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="h-44 rounded-lg border border-slate-200 bg-white" />
          ))}
        </div>
      </main>
    </div>
  );
}
