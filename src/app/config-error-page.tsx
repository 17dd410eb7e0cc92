// Shown instead of a blank screen when config.json is missing or invalid.
import { ConfigError } from '@/lib/config/app-config';

export function ConfigErrorPage({ error }: { error: unknown }) {
  const problems = error instanceof ConfigError ? error.problems : [];
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-xl font-semibold">
        Sync Runs cannot start: its configuration is not usable
      </h1>
      <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-red-950">
        {message}
      </p>
      {problems.length > 0 && (
        <ul className="mt-3 list-disc pl-6 text-sm">
          {problems.map((problem) => (
            <li key={problem}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm text-slate-700">
        The dashboard reads <code>config.json</code> from the address it is served from. Whoever
        deployed it can fix the file; the README lists every field.
      </p>
    </main>
  );
}
