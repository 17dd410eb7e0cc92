// Render and interaction on a loaded page, and the heap after several: what the 500-run and the
// 8,640-run windows cost to draw and use.
import type { BrowserContext, Page } from 'playwright-core';
import { longestTask, median, resetLongTasks, scrollFrames, timeToNextFrame } from './measure.ts';
import { APP } from './session.ts';

const REPEAT = 5;

/** Median of `REPEAT` timings of `action`, each followed by `reset` and a pause. */
async function repeated(page: Page, action: () => Promise<number>, reset?: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    times.push(await action());
    if (reset) await reset();
    await page.waitForTimeout(300);
  }
  return median(times);
}

/** Draw, filter, search, hover, click and scroll on the page at `path`, the data already loaded. */
export async function interactions(page: Page, path: string) {
  await page.goto(`${APP}${path}`);
  await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="timeline-mark"]').first().waitFor();
  // Draw cost with data in the cache: leave and come back.
  const draw = await repeated(page, async () => {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    const back = Date.now();
    await page.goBack();
    await page.locator('[data-testid="timeline-mark"]').first().waitFor();
    await page.locator('tr[data-run-id]').first().waitFor();
    return Date.now() - back;
  });
  const runs = Number((await page.getByText(/runs loaded\./).innerText()).replace(/\D/g, ''));
  await page.waitForTimeout(1000);
  await resetLongTasks(page);
  const scroll = await scrollFrames(page, '[aria-label="Sync runs table"]');
  const failureButton = `document.querySelector('[aria-label="Filter by status"]').querySelectorAll('button')[2].click()`;
  const filter = await repeated(
    page,
    () => timeToNextFrame(page, failureButton),
    () => timeToNextFrame(page, failureButton),
  );
  const typeInSearch = (value: string) =>
    `const i = document.querySelector('input[type=search]'); const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(i, ${JSON.stringify(value)}); i.dispatchEvent(new Event('input', { bubbles: true }));`;
  const keystroke = await repeated(
    page,
    () => timeToNextFrame(page, typeInSearch('C')),
    async () => {
      await page.waitForTimeout(400);
      await timeToNextFrame(page, typeInSearch(''));
      await page.waitForTimeout(400);
    },
  );
  // The filter itself runs after the 250 ms debounce: measure from the keystroke to the new count.
  const searchApplied = await repeated(
    page,
    () =>
      page.evaluate(async () => {
        const input = document.querySelector('input[type=search]') as HTMLInputElement;
        const status = [...document.querySelectorAll('[role=status]')].find((e) =>
          /^Showing /.test(e.textContent ?? ''),
        );
        const before = status?.textContent;
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const start = performance.now();
        set.call(input, 'rate limited');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (status?.textContent === before && performance.now() - start < 5000)
          await new Promise((r) => setTimeout(r, 5));
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - start - 250;
      }),
    async () => {
      await timeToNextFrame(page, typeInSearch(''));
      await page.waitForTimeout(600);
    },
  );
  const marks = `document.querySelectorAll('[data-testid="timeline-mark"]')`;
  let hovered = 0;
  const hover = await repeated(page, () =>
    timeToNextFrame(
      page,
      `const m = ${marks}; m[${(hovered += 7)} % m.length].dispatchEvent(new PointerEvent('pointerover', { bubbles: true }))`,
    ),
  );
  // Clicking selects a run or narrows the window: measured once, on the first mark.
  const click = await timeToNextFrame(
    page,
    `${marks}[0].dispatchEvent(new MouseEvent('click', { bubbles: true }))`,
  );
  const longTask = await longestTask(page);
  return {
    runs,
    draw,
    filter,
    keystroke,
    searchApplied,
    hover,
    click,
    fps: scroll.fps,
    scrollP95FrameMs: scroll.p95FrameMs,
    longTask,
  };
}

/** The JS heap after visiting five busy integrations, garbage collected. */
export async function heapAfterFiveIntegrations(page: Page, context: BrowserContext) {
  await page.goto(`${APP}/`);
  await page.getByRole('heading', { name: 'Integrations' }).waitFor();
  for (const name of ['ConnectWise PSA', 'HaloPSA', 'NinjaOne', 'IT Glue', 'Hudu']) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
    await page.goBack();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (
    Math.round(((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576) * 10) / 10
  );
}

export type Interactions = Awaited<ReturnType<typeof interactions>>;
