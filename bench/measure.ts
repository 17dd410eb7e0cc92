// In-page probes for the benchmark: long tasks, time to the next painted frame, scrolling frame rate.
import type { Page } from 'playwright-core';

/** Installed before any page script: records long tasks from navigation on. */
export const LONG_TASK_PROBE = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
`;

export async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, ...((window as unknown as { __longTasks: number[] }).__longTasks ?? [])),
  );
}

export async function resetLongTasks(page: Page) {
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
}

/** Runs `action` in the page, then waits for the next painted frame: the user-visible latency. */
export async function timeToNextFrame(page: Page, action: string): Promise<number> {
  return page.evaluate(async (code) => {
    const start = performance.now();
    new Function(code)();
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, action);
}

/**
 * Scrolls an element top to bottom in steps, one per frame: frames per second and the 95th
 * percentile of frame times.
 */
export async function scrollFrames(
  page: Page,
  selector: string,
): Promise<{ fps: number; p95FrameMs: number }> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el || el.scrollHeight <= el.clientHeight) return { fps: 0, p95FrameMs: 0 };
    el.scrollTop = 0;
    const frames: number[] = [];
    const step = Math.max(200, el.clientHeight * 0.8);
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 2 && frames.length < 2000) {
      el.scrollTop += step;
      frames.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
    }
    if (frames.length < 2) return { fps: 0, p95FrameMs: 0 };
    const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
    gaps.sort((a, b) => a - b);
    return {
      fps: ((frames.length - 1) * 1000) / ((frames.at(-1) as number) - (frames[0] as number)),
      p95FrameMs: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] as number,
    };
  }, selector);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
