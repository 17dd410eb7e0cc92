// Starts loading an integration's window as soon as its URL is known, before the page's code has
// arrived: the first round of requests overlaps the download of the integration-page chunk.
import type { QueryClient } from '@tanstack/react-query';
import type { ApiSession } from '../../../lib/api/api-session-context';
import { parseViewParams, resolveWindow } from '../model/view-params';
import { syncRunsInfiniteOptions } from './sync-runs-query';

export function prefetchIntegrationWindow(
  queryClient: QueryClient,
  session: ApiSession,
  name: string,
  search: string,
  maxSlices: number,
  now: number = Date.now(),
): Promise<void> {
  // The page resolves the same URL to the same window (presets end at the next whole minute), so
  // the page's query finds this fetch in flight or done instead of starting its own.
  const { params } = parseViewParams(new URLSearchParams(search), now);
  const window = resolveWindow(params.window, now);
  return queryClient.prefetchInfiniteQuery(
    syncRunsInfiniteOptions(session, name, window, { maxSlices }),
  );
}
