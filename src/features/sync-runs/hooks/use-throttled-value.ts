// A value that follows its source at most every `intervalMs`, except that the first value and a
// `final` one pass at once. Keeps heavy views (chart, table) from re-rendering on every page.
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, intervalMs: number, final: boolean): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = final ? 0 : Math.max(0, lastShownAt.current + intervalMs - Date.now());
    const timer = window.setTimeout(() => {
      lastShownAt.current = Date.now();
      setShown(value);
    }, wait);
    return () => window.clearTimeout(timer);
  }, [value, shown, intervalMs, final]);
  return shown;
}
