// `npm run bench`: the production build in Chromium against the stand-in with 100 ms latency and a
// 5-minute cadence (8,640 runs in 30 days). Prints figures beside baselines measured in the same run,
// and writes them to bench-results/latest.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import type { Request } from 'playwright-core';
import { signIn } from './sign-in.ts';
import { launchBenchBrowser } from './browser.ts';
import { startLocalStack } from '../scripts/local-stack.ts';
import { CONTRACT_LIMIT } from '../src/lib/api/rate-limit-info.ts';
import { bundleSizes } from './bundle-size.ts';
import { clearKeptRuns, overviewVisits, reloadWithKeptRuns } from './return-visits.ts';
import { manyViewers, together } from './many-viewers.ts';
import { fetchWindowInSlices } from './fetch-window.ts';
import {
  LONG_TASK_PROBE,
  longestTask,
  median,
  resetLongTasks,
  scrollFrames,
  timeToNextFrame,
} from './measure.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORTS = { idpPort: 9643, standinPort: 9887, appPort: 4373, demoPort: 4374 };
const APP = `http://localhost:${PORTS.appPort}`;

process.env.STANDIN_LATENCY_MS = String(LATENCY_MS);
process.env.STANDIN_CADENCE_MINUTES = '5';
process.env.STANDIN_RATE_LIMIT = '100000'; // measure fetching, not the tenant's limit
const BENCH_KEY = 'neo_sk_bench_transportfloor0001';
process.env.STANDIN_API_KEYS = BENCH_KEY; // for the Node-side transport floor only

if (!existsSync('dist/index.html')) {
  const build = spawnSync('npx vite build --logLevel warn', { stdio: 'inherit', shell: true });
  if (build.status !== 0) process.exit(1);
}
let stack = await startLocalStack({ ...PORTS, app: 'preview' });

/**
 * The many-viewers scenario is the issue's: a busy tenant whose 17 integrations all sync every 5
 * minutes, behind Neo's 1,200 requests a minute (BENCH_CROWD_LIMIT to change it).
 */
const CROWD_LIMIT = Number(process.env.BENCH_CROWD_LIMIT ?? CONTRACT_LIMIT);
const CROWD = Number(process.env.BENCH_VIEWERS ?? 8);
async function crowdScenario() {
  // The bench's own signed-in page leaves the overview first: its live refresh would be another
  // client of the tenant, and the viewer alone would not be alone.
  await page.goto(`${APP}/bench-start`);
  await stack.close();
  process.env.STANDIN_RATE_LIMIT = String(CROWD_LIMIT);
  process.env.STANDIN_EVERY_INTEGRATION_SYNCS = 'true';
  stack = await startLocalStack({ ...PORTS, app: 'preview' });
  const limited = await manyViewers(browser, APP, CROWD);
  // The control, same run: the same crowd with no limit at all, to tell the limit's cost from
  // what eight browsers cost on this machine's cores.
  await stack.close();
  process.env.STANDIN_RATE_LIMIT = '100000';
  stack = await startLocalStack({ ...PORTS, app: 'preview' });
  const unlimited = await together(browser, APP, CROWD, limited.alone.requests);
  return {
    ...limited,
    noLimit: {
      slowestHealthMs: unlimited.slowestHealthMs,
      slowestCompleteMs: unlimited.slowestCompleteMs,
    },
  };
}
const browser = await launchBenchBrowser([
  '--disable-background-networking',
  '--no-first-run',
  '--enable-precise-memory-info',
]);
const context = await browser.newContext({
  viewport: { width: 1280, height: 900 },
});
await context.addInitScript(LONG_TASK_PROBE);
const page = await context.newPage();

/** The app's own Authorization header, kept in this process for the browser transport floor. */
let appAuthorization = '';

/** One cold load of 30 days of connectwise: timings, requests and peak concurrency. */
async function loadWindow(slices: number) {
  process.env.SYNC_RUNS_PARALLEL_SLICES = String(slices);
  let inFlight = 0;
  let peak = 0;
  let requests = 0;
  let t0 = Date.now();
  // Only the 30-day listing (live refreshes start at the newest run, minutes ago).
  const isWindowRequest = (url: string) => {
    if (!url.includes('/public-api/integrations/connectwise/')) return false;
    const since = Date.parse(new URL(url).searchParams.get('since') ?? '');
    return Date.now() - since > 2 * 86_400_000;
  };
  const onRequest = (r: Request) => {
    const authorization = r.headers().authorization;
    if (isWindowRequest(r.url()) && authorization) appAuthorization = authorization;
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

const REPEAT = 5;

/** Median of `REPEAT` timings of `action`, each followed by `reset` and a pause. */
async function repeated(action: () => Promise<number>, reset?: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    times.push(await action());
    if (reset) await reset();
    await page.waitForTimeout(300);
  }
  return median(times);
}

async function interactions(path: string) {
  await page.goto(`${APP}${path}`);
  await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="timeline-mark"]').first().waitFor();
  // Draw cost with data in the cache: leave and come back.
  const draw = await repeated(async () => {
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
    () => timeToNextFrame(page, failureButton),
    () => timeToNextFrame(page, failureButton),
  );
  const typeInSearch = (value: string) =>
    `const i = document.querySelector('input[type=search]'); const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(i, ${JSON.stringify(value)}); i.dispatchEvent(new Event('input', { bubbles: true }));`;
  const keystroke = await repeated(
    () => timeToNextFrame(page, typeInSearch('C')),
    async () => {
      await page.waitForTimeout(400);
      await timeToNextFrame(page, typeInSearch(''));
      await page.waitForTimeout(400);
    },
  );
  // The filter itself runs after the 250 ms debounce: measure from the keystroke to the new count.
  const searchApplied = await repeated(
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
  const hover = await repeated(() =>
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

/**
 * The browser's transport floor: the same window fetched by plain fetch() calls in this Chromium
 * (six slices, each following its own cursors without waiting for the others, nothing parsed or
 * drawn), with the bearer token the app itself used. What the app could reach if it did nothing else.
 */
async function browserTransportFloor(token: string) {
  const until = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
  const floor = await page.evaluate(fetchWindowInSlices, {
    base: stack.standin.url,
    token,
    until,
    slices: 6,
  });
  return floor.ms;
}

async function heapAfterFiveIntegrations() {
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

/**
 * The transport floor: the same 30-day window fetched from Node (no browser, no rendering), six
 * slices in parallel and one cursor chain, against the same stand-in. What no client can beat here.
 */
async function transportFloor(slices: number) {
  const until = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
  const floor = await fetchWindowInSlices({
    base: stack.standin.url,
    token: BENCH_KEY,
    until,
    slices,
  });
  return { ms: Math.round(floor.ms), requests: floor.requests };
}

const ms = (n: number) => Math.round(n);
try {
  await signIn(page, APP);
  // `BENCH_ONLY=return-visits`: just the kept-runs scenarios (a minute instead of eight).
  if (process.env.BENCH_ONLY === 'return-visits' || process.env.BENCH_ONLY === 'crowd') {
    const crowdOnly = process.env.BENCH_ONLY === 'crowd';
    const reload = crowdOnly ? null : await reloadWithKeptRuns(page, APP);
    const overview = crowdOnly ? null : await overviewVisits(page, APP);
    const crowd = crowdOnly ? await crowdScenario() : null;
    console.log(JSON.stringify({ loadavg: loadavg(), reload, overview, crowd }, null, 2));
    await browser.close();
    await stack.close();
    process.exit(0);
  }
  const sequential = [];
  const parallel = [];
  for (let i = 0; i < RUNS; i += 1) {
    sequential.push(await loadWindow(1));
    parallel.push(await loadWindow(6));
  }
  const floorParallel = median(
    [await transportFloor(6), await transportFloor(6), await transportFloor(6)].map((f) => f.ms),
  );
  const floorSequential = (await transportFloor(1)).ms;
  const browserFloor = ms(
    median([
      await browserTransportFloor(appAuthorization.replace(/^Bearer /, '')),
      await browserTransportFloor(appAuthorization.replace(/^Bearer /, '')),
      await browserTransportFloor(appAuthorization.replace(/^Bearer /, '')),
    ]),
  );
  const pick = (list: typeof parallel, key: keyof (typeof parallel)[number]) =>
    median(list.map((r) => r[key]));
  const sequentialPages = pick(sequential, 'requests');
  const lowerBound = sequentialPages * LATENCY_MS;
  const until = Math.floor(Date.now() / 60_000) * 60_000;
  const small = `/integrations/connectwise?since=${new Date(until - 500 * 5 * 60_000).toISOString()}&until=${new Date(until).toISOString()}`;
  const render500 = await interactions(small);
  const render8640 = await interactions('/integrations/connectwise');
  const heapMb = await heapAfterFiveIntegrations();
  const reload = await reloadWithKeptRuns(page, APP);
  const overview = await overviewVisits(page, APP);
  const crowd = await crowdScenario();
  const ratio = (key: keyof typeof render500) =>
    Math.round((render8640[key] / Math.max(1, render500[key])) * 100) / 100;
  // "Cost does not grow with history": 8,640 runs against 500 in the same run.
  const growth = {
    draw: ratio('draw'),
    longestTask: ratio('longTask'),
    filter: ratio('filter'),
    keystroke: ratio('keystroke'),
    scrollP95FrameTime: ratio('scrollP95FrameMs'),
  };
  const size = bundleSizes();

  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    latencyMs: LATENCY_MS,
    runsPerScenario: RUNS,
    fullWindowLoad: {
      runs: pick(parallel, 'total'),
      sequentialLowerBoundMs: lowerBound,
      parallelMs: ms(pick(parallel, 'complete')),
      sequentialMs: ms(pick(sequential, 'complete')),
      ratioToLowerBound: Math.round((pick(parallel, 'complete') / lowerBound) * 100) / 100,
      sequentialRatioToLowerBound:
        Math.round((pick(sequential, 'complete') / lowerBound) * 100) / 100,
      requests: { parallel: pick(parallel, 'requests'), sequential: sequentialPages },
      peakInFlight: { parallel: pick(parallel, 'peak'), sequential: pick(sequential, 'peak') },
      longestTaskMs: {
        parallel: ms(pick(parallel, 'longTask')),
        sequential: ms(pick(sequential, 'longTask')),
      },
    },
    transportFloor: {
      parallelMs: floorParallel,
      sequentialMs: floorSequential,
      parallelRatioToLowerBound: Math.round((floorParallel / lowerBound) * 100) / 100,
      browserMs: browserFloor,
      browserRatioToLowerBound: Math.round((browserFloor / lowerBound) * 100) / 100,
    },
    firstRunsOnScreen: {
      parallelMs: ms(pick(parallel, 'firstRuns')),
      sequentialMs: ms(pick(sequential, 'firstRuns')),
      ratioToLowerBound: Math.round((pick(parallel, 'firstRuns') / lowerBound) * 100) / 100,
    },
    render: { at500: render500, at8640: render8640 },
    growth8640vs500: growth,
    heapMbFiveBusyIntegrations: heapMb,
    reloadWithKeptRuns: reload,
    overview,
    crowd,
    size,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  const r = results;
  console.log(`
Sync Runs benchmark (${r.date}; ${r.machine.cpus} cores, load ${r.machine.loadavg.join(' ')}; ${LATENCY_MS} ms latency; median of ${RUNS})

Full-window load (${r.fullWindowLoad.runs} runs, 30 days, 5-minute cadence)
  parallel slices        ${r.fullWindowLoad.parallelMs} ms  = ${r.fullWindowLoad.ratioToLowerBound} × sequential lower bound (${lowerBound} ms = ${sequentialPages} pages × ${LATENCY_MS} ms)   target ≤ 0.25
  one cursor chain       ${r.fullWindowLoad.sequentialMs} ms  = ${r.fullWindowLoad.sequentialRatioToLowerBound} × lower bound (baseline)
  requests               ${r.fullWindowLoad.requests.parallel} parallel vs ${r.fullWindowLoad.requests.sequential} sequential; peak in flight ${r.fullWindowLoad.peakInFlight.parallel} vs ${r.fullWindowLoad.peakInFlight.sequential}
  longest task           ${r.fullWindowLoad.longestTaskMs.parallel} ms parallel, ${r.fullWindowLoad.longestTaskMs.sequential} ms sequential
  transport floor (Node, no browser): ${r.transportFloor.parallelMs} ms with 6 slices = ${r.transportFloor.parallelRatioToLowerBound} × lower bound; ${r.transportFloor.sequentialMs} ms as one chain
  transport floor (this Chromium, fetch only): ${r.transportFloor.browserMs} ms with 6 slices = ${r.transportFloor.browserRatioToLowerBound} × lower bound
First runs on screen     ${r.firstRunsOnScreen.parallelMs} ms = ${r.firstRunsOnScreen.ratioToLowerBound} × lower bound (sequential ${r.firstRunsOnScreen.sequentialMs} ms)   target ≤ 0.2

Render and interaction          500 runs     8,640 runs   ratio   target
  draw chart + table (cached)   ${ms(render500.draw)} ms       ${ms(render8640.draw)} ms       ${growth.draw}×   ratio ≤ 1.5
  longest task (interactions)   ${ms(render500.longTask)} ms       ${ms(render8640.longTask)} ms       ${growth.longestTask}×   ratio ≤ 1.5
  status filter → next frame    ${ms(render500.filter)} ms       ${ms(render8640.filter)} ms       ${growth.filter}×   ≤ 100 ms, ratio ≤ 1.5
  search keystroke → frame      ${ms(render500.keystroke)} ms       ${ms(render8640.keystroke)} ms       ${growth.keystroke}×   ≤ 100 ms, ratio ≤ 1.5
  search applied (after 250 ms debounce) ${ms(render500.searchApplied)} ms  ${ms(render8640.searchApplied)} ms
  chart hover → next frame      ${ms(render500.hover)} ms       ${ms(render8640.hover)} ms                ≤ 100 ms
  chart click → next frame      ${ms(render500.click)} ms       ${ms(render8640.click)} ms                ≤ 100 ms
  table scroll                  ${Math.round(render500.fps)} fps     ${Math.round(render8640.fps)} fps
  scroll frame time p95         ${ms(render500.scrollP95FrameMs)} ms       ${ms(render8640.scrollP95FrameMs)} ms       ${growth.scrollP95FrameTime}×   ratio ≤ 1.2

Return visits (runs kept in this browser)
  reload of the 30-day page     median ${reload.reloadMs} ms (${reload.reloadSamples.join(', ')}) to the full count (${reload.reloadRuns} runs) in at most ${reload.reloadRequests} requests; one-page cold load median ${reload.onePageMs} ms (${reload.onePageSamples.join(', ')}; ${reload.onePageRequests} requests) → ${reload.ratio}×   target ≤ 1.3×, ≤ 3 requests
  writing the kept runs         longest task ${reload.writeLongestTaskMs} ms (the load's own: ${reload.loadLongestTaskMs} ms)   target: no longer than the existing longest task
  overview, first visit         every card's health (${overview.integrations} cards, ${overview.syncing} syncing) after ${overview.first.healthRequests} requests, ${overview.first.healthMs} ms; the whole week after ${overview.first.completeRequests} requests, ${overview.first.completeMs} ms   target ≤ 60 requests to health
  overview, second visit        ${overview.second.requests} requests (at most ${overview.second.maxPerIntegration} per integration); every card's health ${overview.second.everyCardMs} ms vs one card's ${overview.second.oneCardMs} ms → ${overview.second.ratio}×   targets ≤ 2 per integration, ≤ 1.5×

Many viewers, one budget (${crowd.viewers} profiles open a busy tenant's overview at once; stand-in limit ${CROWD_LIMIT}/min)
  one viewer alone              ${crowd.alone.cards} cards: every card's health after ${crowd.alone.healthRequests} requests, ${crowd.alone.healthMs} ms (target ≤ 60 requests); the week after ${crowd.alone.requests} requests, ${crowd.alone.completeMs} ms
  together                      ${crowd.requests} requests = ${crowd.requestsRatioToAlone} × ${crowd.viewers} × alone (target ≤ 1.1); ${crowd.refused} refused with 429 = ${crowd.refusedShare} % (target ≤ 1 %)
  failed views / errors shown   ${crowd.failedViews} / ${crowd.errorsShown}   target 0 / 0
  slowest overview              every card's health in ${crowd.slowestHealthMs} ms (target ≤ 10 s); whole week within 2 min for ${crowd.weeksCompleteWithin2Min} of ${crowd.viewers}
  the stand-in's own CPU        ${crowd.serverCpuToHealthMs} ms until the slowest health (of ${2 * crowd.slowestHealthMs} ms the two cores had)
  the same crowd with no limit  every card's health in ${crowd.noLimit.slowestHealthMs} ms, the slowest week ${crowd.noLimit.slowestCompleteMs} ms (what eight browsers cost this machine)

JS heap, five busy integrations × 30 days: ${heapMb} MB   target ≤ 150
JavaScript (gzip): first screen (shell) ${size.firstScreenKbGzip} KB (target ≤ 150); signed-in overview ${size.signedInOverviewKbGzip} KB; total ${size.totalKbGzip} KB
Written to bench-results/latest.json
`);
} finally {
  await browser.close();
  await stack.close();
}
process.exit(0);
