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

/** How many records the run cache holds (they are written shortly after a window completes). */
export function keptRecords(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('sync-runs.run-cache');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) return resolve(0);
          const count = db.transaction('records').objectStore('records').count();
          count.onsuccess = () => resolve(count.result);
        };
        open.onerror = () => resolve(0);
      }),
  );
}

async function waitForKept(page: Page, atLeast: number) {
  for (let i = 0; i < 100 && (await keptRecords(page)) < atLeast; i += 1)
    await page.waitForTimeout(200);
}

const fullCount = async (page: Page) =>
  Number((await page.getByText(/runs loaded\./).innerText()).replace(/\D/g, ''));

/** Reload of the 30-day page against a one-page cold load of the same integration. */
export async function reloadWithKeptRuns(page: Page, app: string) {
  const api = requestCounter(page);
  await page.goto(`${app}/bench-start`);
  await clearKeptRuns(page);
  const until = Math.floor(Date.now() / 60_000) * 60_000;
  const onePage = `/integrations/connectwise?since=${new Date(until - 150 * 5 * 60_000).toISOString()}&until=${new Date(until).toISOString()}`;
  let t0 = Date.now();
  await page.goto(`${app}${onePage}`);
  await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
  const onePageMs = Date.now() - t0;
  const onePageRequests = api.of('connectwise');

  await page.goto(`${app}/integrations/connectwise`);
  await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
  const loadLongestTaskMs = await longestTask(page);
  const runs = await fullCount(page);
  // Writing the kept runs (2 s after the load completes): its longest main-thread task.
  await resetLongTasks(page);
  await waitForKept(page, 1);
  await page.waitForTimeout(3000);
  const writeLongestTaskMs = await longestTask(page);
  api.reset();
  t0 = Date.now();
  await page.reload();
  // When the kept runs show ("as of …"), if they show before the rest is read.
  const keptShown = page
    .getByText(/Showing runs kept in this browser/)
    .waitFor({ timeout: 120_000 })
    .then(() => Date.now() - t0)
    .catch(() => null);
  await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
  const reloadMs = Date.now() - t0;
  const keptShownMs = await Promise.race([keptShown, Promise.resolve(null)]);
  const reloadRuns = await fullCount(page);
  const reloadRequests = api.of('connectwise');
  api.stop();
  return {
    runs,
    loadLongestTaskMs: Math.round(loadLongestTaskMs),
    writeLongestTaskMs: Math.round(writeLongestTaskMs),
    reloadRuns,
    onePageMs,
    onePageRequests,
    reloadMs,
    keptShownMs,
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
