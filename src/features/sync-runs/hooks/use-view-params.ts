// Binds the integration view to the URL: parse (correcting and reporting invalid input), update.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseViewParams,
  serializeViewParams,
  type ViewParams,
} from '@/domain/sync-runs/view/view-params';
import { readViewDefaults, useViewDefaults } from '@/features/sync-runs/prefs/view-defaults';

/** Changes the view: a patch of params (or one computed from the current view), pushed or replaced. */
export type ViewUpdate = (
  change: Partial<ViewParams> | ((current: ViewParams) => Partial<ViewParams>),
  options?: { replace?: boolean },
) => void;

export function useViewParams() {
  const [search, setSearch] = useSearchParams();
  const [now] = useState(() => Date.now());
  // What the link leaves out is this browser's remembered preset and zone.
  const defaults = useViewDefaults();
  const key = search.toString();
  const { params, notices } = useMemo(
    () => parseViewParams(new URLSearchParams(key), now, defaults),
    [key, now, defaults],
  );
  const [shownNotices, setShownNotices] = useState<string[]>([]);
  const [noticedKey, setNoticedKey] = useState<string | null>(null);
  if (notices.length > 0 && key !== noticedKey) {
    setNoticedKey(key);
    setShownNotices(notices);
  }

  // Invalid input is replaced by the corrected view in the address bar, and the notice says why.
  const canonical = serializeViewParams(params, { defaults }).toString();
  useEffect(() => {
    if (notices.length > 0) setSearch(new URLSearchParams(canonical), { replace: true });
  }, [notices, canonical, setSearch]);

  const update = useCallback<ViewUpdate>(
    (change, options = {}) => {
      // Computed from the address bar as it is now (the router's own copy can lag a render behind),
      // so two quick clicks never act on a stale view.
      setSearch(
        () => {
          const defaults = readViewDefaults();
          const base = parseViewParams(
            new URLSearchParams(window.location.search),
            Date.now(),
            defaults,
          ).params;
          return serializeViewParams(
            { ...base, ...(typeof change === 'function' ? change(base) : change) },
            { defaults },
          );
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearch],
  );

  return { params, notices: shownNotices, dismissNotices: () => setShownNotices([]), update };
}
