// A value that follows its source at most every `intervalMs`, except that the first value, a
// `final` one and the first of a new `stage` pass at once, in the same render: whatever is derived
// from them (an overview card's health) never sees the previous stage's value. Keeps heavy views
// (chart, table, the overview's cards and lanes) from re-rendering on every page.
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(
  value: T,
  intervalMs: number,
  final: boolean,
  stage: unknown = null,
): T {
  const [shown, setShown] = useState({ value, stage });
  const lastShownAt = useRef(0);
  const atOnce = final || !Object.is(stage, shown.stage);
  useEffect(() => {
    if (Object.is(value, shown.value) && Object.is(stage, shown.stage)) return;
    // A value passed at once (returned below) is remembered after this render, and the next one
    // waits its interval from then.
    const wait = atOnce ? 0 : Math.max(0, lastShownAt.current + intervalMs - Date.now());
    const timer = window.setTimeout(() => {
      lastShownAt.current = Date.now();
      setShown({ value, stage });
    }, wait);
    return () => window.clearTimeout(timer);
  }, [value, shown, intervalMs, atOnce, stage]);
  return atOnce ? value : shown.value;
}
