// How the states look: Tailwind classes and the theme's colours (index.css). The domain names each
// state in words; its colour lives here, beside the components that draw it.
import type { RunStatus } from '@/lib/api/schemas';
import type { HealthState } from '@/domain/sync-runs/judgements/health';

/** A run status badge (and an active status filter): its background, text and ring. */
export const STATUS_BADGE_CLASS: Record<RunStatus, string> = {
  SUCCESS: 'bg-green-100 text-green-900 ring-green-700/30',
  FAILURE: 'bg-red-100 text-red-900 ring-red-700/30',
  RUNNING: 'bg-blue-100 text-blue-900 ring-blue-700/30',
  SKIPPED: 'bg-slate-100 text-slate-800 ring-slate-600/30',
};

/** Chart and strip colours (the badges' hues; per theme in index.css, 3:1 or more on the surface). */
export const STATUS_FILL: Record<RunStatus, string> = {
  SUCCESS: 'var(--status-success)',
  FAILURE: 'var(--status-failure)',
  RUNNING: 'var(--status-running)',
  SKIPPED: 'var(--status-skipped)',
};

/** An integration's health badge on the overview. */
export const HEALTH_BADGE_CLASS: Record<HealthState, string> = {
  'not-running': 'bg-amber-100 text-amber-950 ring-amber-700/40',
  failing: 'bg-red-100 text-red-900 ring-red-700/30',
  suspicious: 'bg-amber-50 text-amber-950 ring-amber-700/40',
  delayed: 'bg-yellow-100 text-yellow-950 ring-yellow-700/40',
  unknown: 'bg-slate-100 text-slate-800 ring-slate-600/30',
  healthy: 'bg-green-100 text-green-900 ring-green-700/30',
  inactive: 'bg-slate-100 text-slate-700 ring-slate-500/30',
};
