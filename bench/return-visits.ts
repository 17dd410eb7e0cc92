// Return visits (issue 18): a reload of the 8,640-run page with kept runs, and the overview's first
// and second visits, counted in API requests and timed, against baselines measured in the same run.
import type { Page, Request } from 'playwright-core';
import { longestTask, resetLongTasks } from './measure.ts';

/** Sync-runs requests of a page, by integration, while `counting` is on. */
export function requestCounter(page: Page) {
  const byName = new Map<string, number>();
  const onRequest = (request: Request) => {
    const match = /\/public-api\/integrations\/([^/]+)\/sync-runs/.exec(request.url());
    if (match) byName.set(match[1]!, (byName.get(match[1]!) ?? 0) + 1);
  };
  page.on('request', onRequest);
  return {
    total: () => [...byName.values()].reduce((a, b) => a + b, 0),
    of: (name: string) => byName.get(name) ?? 0,
    max: () => Math.max(0, ...byName.values()),
    reset: () => byName.clear(),
    stop: () => page.off('request', onRequest),
  };
}

/** Forgets every kept run (a first visit in this browser). */
export async function clearKeptRuns(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase('sync-runs.run-cache');
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );
}

/** When each record the run cache holds was kept (stored in the clear beside it). */
function keptSaveTimes(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const open = indexedDB.open('sync-runs.run-cache');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) return resolve([]);
          const all = db.transaction('records').objectStore('records').getAll();
          all.onsuccess = () =>
            resolve(all.result.map((e: { savedAt?: number }) => e.savedAt ?? 0));
        };
        open.onerror = () => resolve([]);
      }),
  );
}

/** How many records the run cache holds (they are written shortly after a window completes). */
export const keptRecords = async (page: Page) => (await keptSaveTimes(page)).length;

/** The newest time a record was kept at, or 0. */
const newestSave = async (page: Page) => Math.max(0, ...(await keptSaveTimes(page)));

async function waitForKept(page: Page, atLeast: number) {
  for (let i = 0; i < 100 && (await keptRecords(page)) < atLeast; i += 1)
    await page.waitForTimeout(200);
}

/**
 * When a status text showed: the page checks on every frame and notes the moment (its clock, in
 * epoch ms) itself. Playwright's own `waitFor` polls at 0, 20, 70, 170 and 270 ms and then only
 * every 500 ms, and any answer from the page waits for its main thread, so times taken that way
 * jump in steps of half a second (most of the reload ratio's earlier spread of 1.00–1.86 ×).
 */
export async function statusShown(page: Page, ...texts: string[]) {
  const found = await page.waitForFunction(
    (wanted) => {
      const nodes = [...document.querySelectorAll('[role="status"], [role="alert"], p')];
      const text = wanted.find((one) => nodes.some((node) => node.textContent?.includes(one)));
      return text ? { text, at: performance.timeOrigin + performance.now() } : null;
    },
    texts,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await found.jsonValue()) as { text: string; at: number };
}

const fullCount = async (page: Page) =>
  Number((await page.getByText(/runs loaded\./).innerText()).replace(/\D/g, ''));

/** Each measure is taken this many times, and the medians compared (one sample varies ±20 %). */
const REPEATS = 3;

const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!;

/**
 * Reload of the 30-day page against a one-page cold load of the same integration, each taken
 * REPEATS times: the ratio is of the medians.
 */
export async function reloadWithKeptRuns(page: Page, app: string) {
  const api = requestCounter(page);
  const until = Math.floor(Date.now() / 60_000) * 60_000;
  const onePage = `/integrations/connectwise?since=${new Date(until - 150 * 5 * 60_000).toISOString()}&until=${new Date(until).toISOString()}`;
  const onePageSamples: number[] = [];
  let onePageRequests = 0;
  for (let i = 0; i < REPEATS; i += 1) {
    await page.goto(`${app}/bench-start`);
    await clearKeptRuns(page);
    api.reset();
    const t0 = Date.now();
    await page.goto(`${app}${onePage}`);
    onePageSamples.push(Math.round((await statusShown(page, 'runs loaded.')).at - t0));
    onePageRequests = Math.max(onePageRequests, api.of('connectwise'));
  }

  await page.goto(`${app}/integrations/connectwise`);
  const loaded = await statusShown(page, 'runs loaded.');
  const runs = await fullCount(page);
  // The load's longest task includes what it draws after the count (the insights, the chart),
  // until just before the kept runs are written, 2 s after the load completes.
  await page.waitForTimeout(Math.max(0, loaded.at + 1800 - Date.now()));
  const loadLongestTaskMs = await longestTask(page);
  // Writing the kept runs: its longest main-thread task.
  await resetLongTasks(page);
  await waitForKept(page, 1);
  await page.waitForTimeout(3000);
  const writeLongestTaskMs = await longestTask(page);

  const reloadSamples: number[] = [];
  const keptShownSamples: number[] = [];
  let reloadRequests = 0;
  let reloadRuns = 0;
  let reloadStart = 0;
  for (let i = 0; i < REPEATS; i += 1) {
    // Each reload's runs are kept again 2 s after it completes: the next one starts once they are.
    for (let wait = 0; i > 0 && wait < 50 && (await newestSave(page)) < reloadStart; wait += 1)
      await page.waitForTimeout(200);
    if (i > 0) await page.waitForTimeout(500);
    api.reset();
    const t0 = Date.now();
    reloadStart = t0;
    await page.reload();
    // When the kept runs show ("as of …"), if they show before the rest is read.
    const first = await statusShown(page, 'Showing runs kept in this browser', 'runs loaded.');
    if (first.text !== 'runs loaded.') keptShownSamples.push(Math.round(first.at - t0));
    const done = first.text === 'runs loaded.' ? first : await statusShown(page, 'runs loaded.');
    reloadSamples.push(Math.round(done.at - t0));
    reloadRuns = await fullCount(page);
    reloadRequests = Math.max(reloadRequests, api.of('connectwise'));
  }
  api.stop();
  const onePageMs = median(onePageSamples);
  const reloadMs = median(reloadSamples);
  return {
    runs,
    loadLongestTaskMs: Math.round(loadLongestTaskMs),
    writeLongestTaskMs: Math.round(writeLongestTaskMs),
    reloadRuns,
    onePageMs,
    onePageSamples,
    onePageRequests,
    reloadMs,
    reloadSamples,
    /** Reloads whose kept runs showed ("as of …") before what is new was read, and when. */
    keptShownSamples,
    /** The most any reload asked. */
    reloadRequests,
    ratio: Math.round((reloadMs / onePageMs) * 100) / 100,
  };
}

/** The overview: every card's health on a first visit, and on a second one with kept runs. */
export async function overviewVisits(page: Page, app: string) {
  const api = requestCounter(page);
  await page.goto(`${app}/bench-start`);
  await clearKeptRuns(page);
  api.reset();
  let t0 = Date.now();
  await page.goto(`${app}/`);
  await page.locator('article').first().waitFor();
  const articles = await page.locator('article').count();
  await page.waitForFunction(
    (n) => document.querySelectorAll('article [data-health]').length >= n,
    articles,
    { polling: 'raf', timeout: 120_000 },
  );
  const firstHealthMs = Date.now() - t0;
  const firstHealthRequests = api.total();
  await page.waitForFunction(() => !document.body.textContent?.includes('… in 7 days'), null, {
    polling: 200,
    timeout: 180_000,
  });
  const firstCompleteMs = Date.now() - t0;
  const firstCompleteRequests = api.total();
  const syncing = await page.locator('article:has-text("Failing runs")').count();
  await waitForKept(page, syncing);
  await page.waitForTimeout(3000);

  api.reset();
  t0 = Date.now();
  await page.reload();
  await page.locator('article [data-health]').first().waitFor({ timeout: 120_000 });
  const oneCardMs = Date.now() - t0;
  await page.waitForFunction(
    (n) => document.querySelectorAll('article [data-health]').length >= n,
    articles,
    { polling: 'raf', timeout: 120_000 },
  );
  const everyCardMs = Date.now() - t0;
  await page.waitForFunction(() => !document.body.textContent?.includes('… in 7 days'), null, {
    polling: 200,
    timeout: 180_000,
  });
  await page.waitForTimeout(1000);
  const second = { total: api.total(), maxPerIntegration: api.max() };
  api.stop();
  return {
    integrations: articles,
    syncing,
    first: {
      healthMs: firstHealthMs,
      healthRequests: firstHealthRequests,
      completeMs: firstCompleteMs,
      completeRequests: firstCompleteRequests,
    },
    second: {
      oneCardMs,
      everyCardMs,
      ratio: Math.round((everyCardMs / Math.max(1, oneCardMs)) * 100) / 100,
      requests: second.total,
      maxPerIntegration: second.maxPerIntegration,
    },
  };
}
