// A value that follows its source at most every `intervalMs`, except that the first value, a
// `final` one and the first of a new `stage` pass at once. Keeps heavy views (chart, table, the
// overview's cards and lanes) from re-rendering on every page.
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(
  value: T,
  intervalMs: number,
  final: boolean,
  stage: unknown = null,
): T {
  const [shown, setShown] = useState({ value, stage });
  const lastShownAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown.value)) return;
    const atOnce = final || !Object.is(stage, shown.stage);
    const wait = atOnce ? 0 : Math.max(0, lastShownAt.current + intervalMs - Date.now());
    const timer = window.setTimeout(() => {
      lastShownAt.current = Date.now();
      setShown({ value, stage });
    }, wait);
    return () => window.clearTimeout(timer);
  }, [value, shown, intervalMs, final, stage]);
  return shown.value;
}
