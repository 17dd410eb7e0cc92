// `npm run bench`: the production build in Chromium against the stand-in with 100 ms latency and a
// 5-minute cadence (8,640 runs in 30 days). Prints figures beside baselines measured in the same run,
// and writes them to bench-results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { signIn } from './sign-in.ts';
import { bundleSizes } from './bundle-size.ts';
import { overviewVisits, reloadWithKeptRuns } from './return-visits.ts';
import { median } from './measure.ts';
import { APP, closeBenchSession, LATENCY_MS, openBenchSession, RUNS } from './session.ts';
import type { BenchSession } from './session.ts';
import { browserTransportFloor, loadWindow, transportFloor } from './window-load.ts';
import { heapAfterFiveIntegrations, interactions } from './interactions.ts';
import { CROWD_LIMIT, crowdScenario } from './crowd.ts';
import { benchResults, formatReport } from './report.ts';

const session = await openBenchSession();
const { page } = session;

/** `BENCH_ONLY=return-visits`: just the kept-runs scenarios (a minute instead of eight). */
async function onlyScenario(session: BenchSession, only: 'return-visits' | 'crowd') {
  const crowdOnly = only === 'crowd';
  const { page } = session;
  const reload = crowdOnly ? null : await reloadWithKeptRuns(page, APP);
  const overview = crowdOnly ? null : await overviewVisits(page, APP);
  const crowd = crowdOnly ? await crowdScenario(session) : null;
  console.log(JSON.stringify({ loadavg: loadavg(), reload, overview, crowd }, null, 2));
}

/** Cold loads of the window, in turn one cursor chain and six slices, and the transport floors. */
async function windowLoads(session: BenchSession) {
  const sequential = [];
  const parallel = [];
  for (let i = 0; i < RUNS; i += 1) {
    sequential.push(await loadWindow(session, 1));
    parallel.push(await loadWindow(session, 6));
  }
  const floorParallel = median(
    [
      await transportFloor(session, 6),
      await transportFloor(session, 6),
      await transportFloor(session, 6),
    ].map((f) => f.ms),
  );
  const floorSequential = (await transportFloor(session, 1)).ms;
  const token = () => session.appAuthorization.replace(/^Bearer /, '');
  const browserFloor = Math.round(
    median([
      await browserTransportFloor(session, token()),
      await browserTransportFloor(session, token()),
      await browserTransportFloor(session, token()),
    ]),
  );
  return { sequential, parallel, floorParallel, floorSequential, browserFloor };
}

try {
  await signIn(page, APP);
  const only = process.env.BENCH_ONLY;
  if (only === 'return-visits' || only === 'crowd') {
    await onlyScenario(session, only);
    await closeBenchSession(session);
    process.exit(0);
  }
  const loads = await windowLoads(session);
  const until = Math.floor(Date.now() / 60_000) * 60_000;
  const small = `/integrations/connectwise?since=${new Date(until - 500 * 5 * 60_000).toISOString()}&until=${new Date(until).toISOString()}`;
  const render500 = await interactions(page, small);
  const render8640 = await interactions(page, '/integrations/connectwise');
  const heapMb = await heapAfterFiveIntegrations(page, session.context);
  const reload = await reloadWithKeptRuns(page, APP);
  const overview = await overviewVisits(page, APP);
  const crowd = await crowdScenario(session);
  const results = benchResults({
    latencyMs: LATENCY_MS,
    runsPerScenario: RUNS,
    ...loads,
    render500,
    render8640,
    heapMb,
    reload,
    overview,
    crowd,
    size: bundleSizes(),
  });
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results, CROWD_LIMIT));
} finally {
  await closeBenchSession(session);
}
process.exit(0);
