// Shown instead of the widget inside a page that is not an allowed portal: nothing of the tenant's,
// no sign-in, only the way to the dashboard itself in a tab of its own.
import { fullDashboardUrl } from '@/lib/embed/embed-mode';

export function EmbedNotAllowed() {
  const href = fullDashboardUrl(window.location.href);
  return (
    <main className="space-y-2 bg-white p-3 text-sm text-slate-900">
      <h1 className="text-base font-semibold">Sync Runs is not allowed here</h1>
      <p>
        This page is not one of the portals allowed to show the Sync Runs dashboard, so it shows
        nothing here.
      </p>
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">
        Open Sync Runs in a new tab
      </a>
    </main>
  );
}
