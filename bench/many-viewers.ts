// Many viewers, one budget (issue 18): several browser profiles open the overview in the same
// moment against a stand-in that enforces the tenant's rate limit. Counted per viewer: when every
// card shows its health, the requests sent, the 429s met, and any error shown.
import type { Browser, Page } from 'playwright-core';
import { signIn } from './sign-in.ts';
import { clearKeptRuns } from './return-visits.ts';

async function signedInViewer(browser: Browser, app: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, app, 60_000);
  await page.goto(`${app}/bench-start`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await clearKeptRuns(page);
  let requests = 0;
  let refused = 0;
  page.on('response', (response) => {
    if (!/\/public-api\/integrations\/[^/]+\/sync-runs/.test(response.url())) return;
    requests += 1;
    if (response.status() === 429) refused += 1;
  });
  return { context, page, counts: () => ({ requests, refused }) };
}

async function openOverview(page: Page, app: string, requests: () => number) {
  const t0 = Date.now();
  await page.goto(`${app}/`);
  await page.locator('article').first().waitFor({ timeout: 120_000 });
  const cards = await page.locator('article').count();
  await page.waitForFunction(
    (n) => document.querySelectorAll('article [data-health]').length >= n,
    cards,
    { polling: 100, timeout: 180_000 },
  );
  const healthMs = Date.now() - t0;
  const healthRequests = requests();
  // The whole week may take longer than a minute of the tenant's budget: given two minutes.
  const complete = await page
    .waitForFunction(() => !document.body.textContent?.includes('… in 7 days'), null, {
      polling: 250,
      timeout: 120_000,
    })
    .then(() => true)
    .catch(() => false);
  const completeMs = complete ? Date.now() - t0 : null;
  const unknown = await page.locator('article [data-health="unknown"]').count();
  const alerts = await page.getByRole('alert').count();
  return { cards, healthMs, healthRequests, completeMs, failedCards: unknown, errorsShown: alerts };
}

export async function manyViewers(browser: Browser, app: string, viewers: number) {
  // One viewer alone: the baseline of the same run.
  const single = await signedInViewer(browser, app);
  const alone = {
    ...(await openOverview(single.page, app, () => single.counts().requests)),
    ...single.counts(),
  };
  await single.context.close();
  // A fresh minute of budget for the crowd.
  await new Promise((resolve) => setTimeout(resolve, 61_000));
  return { alone, ...(await together(browser, app, viewers, alone.requests)) };
}

/** `viewers` profiles open the overview in the same moment. */
export async function together(browser: Browser, app: string, viewers: number, alone: number) {
  const crowd = [];
  for (let i = 0; i < viewers; i += 1) crowd.push(await signedInViewer(browser, app));
  // The stand-in runs in this process: its CPU (with the harness's) up to the slowest health tells
  // how much of the machine's cores the API itself took meanwhile.
  const cpuAtStart = process.cpuUsage();
  const startedAt = Date.now();
  const cpuSamples: { at: number; ms: number }[] = [];
  const sampler = setInterval(() => {
    const used = process.cpuUsage(cpuAtStart);
    cpuSamples.push({ at: Date.now() - startedAt, ms: (used.user + used.system) / 1000 });
  }, 250);
  const results = await Promise.all(
    crowd.map((viewer) => openOverview(viewer.page, app, () => viewer.counts().requests)),
  );
  clearInterval(sampler);
  const slowestHealthMs = Math.max(...results.map((r) => r.healthMs));
  const serverCpuToHealthMs = Math.round(
    cpuSamples.filter((sample) => sample.at <= slowestHealthMs).at(-1)?.ms ?? 0,
  );
  const counts = crowd.map((viewer) => viewer.counts());
  await Promise.all(crowd.map((viewer) => viewer.context.close()));
  const requests = counts.reduce((sum, c) => sum + c.requests, 0);
  const refused = counts.reduce((sum, c) => sum + c.refused, 0);
  return {
    viewers,
    requests,
    requestsRatioToAlone: Math.round((requests / Math.max(1, viewers * alone)) * 100) / 100,
    refused,
    refusedShare: Math.round((refused / Math.max(1, requests)) * 10_000) / 100,
    failedViews: results.filter((r) => r.failedCards > 0).length,
    errorsShown: results.reduce((sum, r) => sum + r.errorsShown, 0),
    slowestHealthMs,
    /** CPU of the stand-in and this harness until then (2 cores give 2 × the wall time). */
    serverCpuToHealthMs,
    weeksCompleteWithin2Min: results.filter((r) => r.completeMs !== null).length,
    slowestCompleteMs: Math.max(...results.map((r) => r.completeMs ?? Infinity)),
  };
}
