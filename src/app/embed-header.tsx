// The widget's only chrome: which integration it shows, and a way out to the full dashboard at the same view.
import { matchPath, useLocation } from 'react-router';
import { fullDashboardUrl } from '@/lib/embed/embed-mode';
import { describeIntegration } from '@/lib/integrations/catalog';

export function EmbedHeader() {
  const location = useLocation();
  const name = matchPath('/integrations/:name', location.pathname)?.params.name;
  const title = name ? describeIntegration({ name }).displayName : 'Integrations';
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const href = fullDashboardUrl(
    `${window.location.origin}${base}${location.pathname}${location.search}`,
  );
  return (
    <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-1.5 text-sm">
      <span>
        <span className="font-semibold">{title}</span>
        <span className="text-slate-600"> · Sync Runs</span>
      </span>
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">
        Open full dashboard<span className="sr-only"> (opens in a new tab)</span>
      </a>
    </header>
  );
}
