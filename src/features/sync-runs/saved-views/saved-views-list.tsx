// The saved views as links (the link is the view), each with its shareable link and a delete.
import { Link } from 'react-router';
import { CopyButton } from '@/components/copy-button';
import type { SavedView } from '@/domain/sync-runs/view/saved-views';
import { deleteView, viewUrl } from './saved-views-store';

export function SavedViewsList({ views }: { views: SavedView[] }) {
  if (views.length === 0)
    return (
      <p className="text-sm text-slate-600">
        No saved views yet. On an integration, choose “Save view” to keep the window, filters,
        search and sort under a name.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {views.map((view) => (
        <li key={view.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
          <Link
            to={view.path}
            className="min-w-0 break-words text-blue-700 underline decoration-blue-700/40 underline-offset-2 hover:decoration-blue-700"
          >
            {view.name}
          </Link>
          <span className="flex gap-1">
            <CopyButton
              value={viewUrl(view)}
              label={`Copy a link to “${view.name}”`}
              text="Copy link"
            />
            <button
              type="button"
              aria-label={`Delete saved view “${view.name}”`}
              onClick={() => deleteView(view.id)}
              className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              Delete
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
