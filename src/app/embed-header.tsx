// The widget's only chrome: what it shows, and a way out to the full dashboard at the same view.
import { useLocation } from 'react-router';
import { fullDashboardUrl } from '../lib/embed/embed-mode';

export function EmbedHeader() {
  const location = useLocation();
  const href = fullDashboardUrl(
    `${window.location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}${location.pathname}${location.search}`,
  );
  return (
    <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-1.5 text-sm">
      <span className="font-semibold">Sync Runs</span>
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">
        Open full dashboard<span className="sr-only"> (opens in a new tab)</span>
      </a>
    </header>
  );
}
