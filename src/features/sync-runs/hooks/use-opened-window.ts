// The window a view shows, worked out once, when the view opens: a preset ends at that minute and
// stays put while the view is open. Its first requests start here, before the page's code (chart,
// table) has arrived, and the page's own query (the same options) then finds them in flight or done.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { resolveWindow, type ViewWindow } from '@/domain/sync-runs/view/view-params';
import type { RunWindow } from '@/domain/sync-runs/model/window';
import { useWindowQueryOptions } from './use-window-query';

export type OpenedWindow = { window: RunWindow; openedAt: number };

/** Call it in a component keyed by the window choice: a new choice is a new view, opened anew. */
export function useOpenedWindow(name: string, spec: ViewWindow): OpenedWindow {
  const [opened] = useState<OpenedWindow>(() => {
    const openedAt = Date.now();
    return { window: resolveWindow(spec, openedAt), openedAt };
  });
  const queryClient = useQueryClient();
  const options = useWindowQueryOptions(name, opened.window, 'page');
  useEffect(() => {
    void queryClient.prefetchInfiniteQuery(options);
  }, [queryClient, options]);
  return opened;
}
