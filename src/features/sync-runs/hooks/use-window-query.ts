// A window's query options, for the prefetch that starts it and the page that shows it alike: the
// account's session and kept runs, and the app's WindowReads (WindowReadsContext, given by App).
import { createContext, useContext, useMemo } from 'react';
import type { RunWindow } from '@/domain/sync-runs/model/window';
import { windowQueryOptions, type WindowMode } from '@/features/sync-runs/api/window-query';
import type { WindowReads } from '@/features/sync-runs/api/window-reads';
import { useRunCache } from '@/features/sync-runs/cache/run-cache-context';
import { useApiSession } from '@/lib/query/api-session-context';

export const WindowReadsContext = createContext<WindowReads | null>(null);

export function useWindowReads(): WindowReads {
  const reads = useContext(WindowReadsContext);
  if (!reads) throw new Error('useWindowReads must be used inside WindowReadsContext');
  return reads;
}

export function useWindowQueryOptions(name: string, window: RunWindow, mode: WindowMode) {
  const session = useApiSession();
  const cache = useRunCache();
  const reads = useWindowReads();
  return useMemo(
    () => windowQueryOptions({ session, cache, reads }, name, window, mode),
    [session, cache, reads, name, window, mode],
  );
}
