// Loading 30 days of connectwise: the app's cold load, and the transport floors it is compared
// with (the same window fetched with nothing parsed or drawn).
import type { Request } from 'playwright-core';
import { fetchWindowInSlices } from './fetch-window.ts';
import { longestTask, resetLongTasks } from './measure.ts';
import { clearKeptRuns } from './return-visits.ts';
import { APP, BENCH_KEY, type BenchSession } from './session.ts';

/** Only the 30-day listing (live refreshes start at the newest run, minutes ago). */
function isWindowRequest(url: string) {
  if (!url.includes('/public-api/integrations/connectwise/')) return false;
  const since = Date.parse(new URL(url).searchParams.get('since') ?? '');
  return Date.now() - since > 2 * 86_400_000;
}

/** One cold load of 30 days of connectwise: timings, requests and peak concurrency. */
export async function loadWindow(session: BenchSession, slices: number) {
  const { page } = session;
  process.env.SYNC_RUNS_PARALLEL_SLICES = String(slices);
  let inFlight = 0;
  let peak = 0;
  let requests = 0;
  let t0 = Date.now();
  const onRequest = (r: Request) => {
    const authorization = r.headers().authorization;
    if (isWindowRequest(r.url()) && authorization) session.appAuthorization = authorization;
    if (process.env.BENCH_DEBUG && isWindowRequest(r.url()))
      console.log('REQ', slices, Date.now() - t0);
    if (!isWindowRequest(r.url())) return;
    requests += 1;
    inFlight += 1;
    peak = Math.max(peak, inFlight);
  };
  const onDone = (r: { url(): string }) => {
    if (process.env.BENCH_DEBUG && isWindowRequest(r.url()))
      console.log('DONE', slices, Date.now() - t0);
    if (isWindowRequest(r.url())) inFlight -= 1;
  };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  // A fresh app (empty cache) on a page that loads nothing, then a client-side navigation.
  await page.goto(`${APP}/bench-start`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  // A cold load: nothing kept from the previous one.
  await clearKeptRuns(page);
  await resetLongTasks(page);
  t0 = Date.now();
  await page.evaluate(() => {
    history.pushState(null, '', '/integrations/connectwise');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.locator('tr[data-run-id]').first().waitFor({ timeout: 120_000 });
  const firstRuns = Date.now() - t0;
  await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="timeline-mark"]').first().waitFor({ timeout: 120_000 });
  const complete = Date.now() - t0;
  if (process.env.BENCH_DEBUG) console.log('COMPLETE', slices, complete, 'first runs', firstRuns);
  const total = Number((await page.getByText(/runs loaded\./).innerText()).replace(/\D/g, ''));
  const longTask = await longestTask(page);
  page.off('request', onRequest);
  page.off('requestfinished', onDone);
  page.off('requestfailed', onDone);
  return { firstRuns, complete, requests, peak, total, longTask };
}

export type WindowLoad = Awaited<ReturnType<typeof loadWindow>>;

/**
 * The browser's transport floor: the same window fetched by plain fetch() calls in this Chromium
 * (six slices, each following its own cursors without waiting for the others, nothing parsed or
 * drawn), with the bearer token the app itself used. What the app could reach if it did nothing else.
 */
export async function browserTransportFloor(session: BenchSession, token: string) {
  const until = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
  const floor = await session.page.evaluate(fetchWindowInSlices, {
    base: session.stack.standin.url,
    token,
    until,
    slices: 6,
  });
  return floor.ms;
}

/**
 * The transport floor: the same 30-day window fetched from Node (no browser, no rendering), six
 * slices in parallel and one cursor chain, against the same stand-in. What no client can beat here.
 */
export async function transportFloor(session: BenchSession, slices: number) {
  const until = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
  const floor = await fetchWindowInSlices({
    base: session.stack.standin.url,
    token: BENCH_KEY,
    until,
    slices,
  });
  return { ms: Math.round(floor.ms), requests: floor.requests };
}
