// Deep links into the dashboard: the window pinned to absolute times around the change, the failure
// group or finding selected, so the link shows the same runs whenever it is opened.
import { DEFAULT_VIEW, serializeViewParams } from '../src/domain/sync-runs/view/view-params.ts';
import { MAX_WINDOW_MS, nextWholeMinute } from '../src/domain/sync-runs/model/window.ts';
import { integrationPath } from '../src/domain/sync-runs/view/integration-path.ts';

const HOUR = 3_600_000;
const DEFAULT_SPAN = 7 * 24 * HOUR;

export type LinkFocus = {
  /** When the change began; the window starts an hour before (null: the last 7 days). */
  since: number | null;
  now: number;
  sig?: string;
  anomaly?: string;
  run?: string;
};

export function dashboardLink(dashboardUrl: string, integration: string, focus: LinkFocus): string {
  const until = nextWholeMinute(focus.now);
  const wanted = focus.since === null ? until - DEFAULT_SPAN : focus.since - HOUR;
  const since = Math.max(until - MAX_WINDOW_MS, Math.min(wanted, until - HOUR));
  const search = serializeViewParams({
    ...DEFAULT_VIEW,
    window: {
      kind: 'custom',
      since: new Date(since).toISOString(),
      until: new Date(until).toISOString(),
    },
    sig: focus.sig ?? null,
    anomaly: focus.anomaly ?? null,
    run: focus.run ?? null,
  });
  const base = new URL(dashboardUrl);
  const path = `${base.pathname.replace(/\/$/, '')}${integrationPath(integration, search)}`;
  return new URL(path, base.origin).toString();
}

/**
 * The one link a notice carries: the dashboard link built above. Anything but an absolute http(s)
 * URL (a `javascript:` or `data:` link, a relative path) is no link at all.
 */
export function safeLink(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
