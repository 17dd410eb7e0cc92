// The bench's results: one object written to bench-results/latest.json, and the text printed
// beside the targets.
import { cpus, loadavg } from 'node:os';
import { median } from './measure.ts';
import type { bundleSizes } from './bundle-size.ts';
import type { CrowdResult } from './crowd.ts';
import type { Interactions } from './interactions.ts';
import type { overviewVisits, reloadWithKeptRuns } from './return-visits.ts';
import type { WindowLoad } from './window-load.ts';

export interface Measurements {
  latencyMs: number;
  runsPerScenario: number;
  sequential: WindowLoad[];
  parallel: WindowLoad[];
  floorParallel: number;
  floorSequential: number;
  browserFloor: number;
  render500: Interactions;
  render8640: Interactions;
  heapMb: number;
  reload: Awaited<ReturnType<typeof reloadWithKeptRuns>>;
  overview: Awaited<ReturnType<typeof overviewVisits>>;
  crowd: CrowdResult;
  size: ReturnType<typeof bundleSizes>;
}

const ms = (n: number) => Math.round(n);
const ratioOf = (n: number, of: number) => Math.round((n / of) * 100) / 100;

/** The median of `key` over several loads of the window. */
const pick = (list: WindowLoad[], key: keyof WindowLoad) => median(list.map((r) => r[key]));

function fullWindowLoad({ sequential, parallel, latencyMs }: Measurements) {
  const sequentialPages = pick(sequential, 'requests');
  const lowerBound = sequentialPages * latencyMs;
  return {
    runs: pick(parallel, 'total'),
    sequentialLowerBoundMs: lowerBound,
    parallelMs: ms(pick(parallel, 'complete')),
    sequentialMs: ms(pick(sequential, 'complete')),
    ratioToLowerBound: ratioOf(pick(parallel, 'complete'), lowerBound),
    sequentialRatioToLowerBound: ratioOf(pick(sequential, 'complete'), lowerBound),
    requests: { parallel: pick(parallel, 'requests'), sequential: sequentialPages },
    peakInFlight: { parallel: pick(parallel, 'peak'), sequential: pick(sequential, 'peak') },
    longestTaskMs: {
      parallel: ms(pick(parallel, 'longTask')),
      sequential: ms(pick(sequential, 'longTask')),
    },
  };
}

/** "Cost does not grow with history": 8,640 runs against 500 in the same run. */
function growth({ render500, render8640 }: Measurements) {
  const ratio = (key: keyof Interactions) =>
    Math.round((render8640[key] / Math.max(1, render500[key])) * 100) / 100;
  return {
    draw: ratio('draw'),
    longestTask: ratio('longTask'),
    filter: ratio('filter'),
    keystroke: ratio('keystroke'),
    scrollP95FrameTime: ratio('scrollP95FrameMs'),
  };
}

export function benchResults(m: Measurements) {
  const load = fullWindowLoad(m);
  const lowerBound = load.sequentialLowerBoundMs;
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    latencyMs: m.latencyMs,
    runsPerScenario: m.runsPerScenario,
    fullWindowLoad: load,
    transportFloor: {
      parallelMs: m.floorParallel,
      sequentialMs: m.floorSequential,
      parallelRatioToLowerBound: ratioOf(m.floorParallel, lowerBound),
      browserMs: m.browserFloor,
      browserRatioToLowerBound: ratioOf(m.browserFloor, lowerBound),
    },
    firstRunsOnScreen: {
      parallelMs: ms(pick(m.parallel, 'firstRuns')),
      sequentialMs: ms(pick(m.sequential, 'firstRuns')),
      ratioToLowerBound: ratioOf(pick(m.parallel, 'firstRuns'), lowerBound),
    },
    render: { at500: m.render500, at8640: m.render8640 },
    growth8640vs500: growth(m),
    heapMbFiveBusyIntegrations: m.heapMb,
    reloadWithKeptRuns: m.reload,
    overview: m.overview,
    crowd: m.crowd,
    size: m.size,
  };
}

export type BenchResults = ReturnType<typeof benchResults>;

/** The printed report: each figure beside its baseline and target. */
export function formatReport(r: BenchResults, crowdLimit: number) {
  const lowerBound = r.fullWindowLoad.sequentialLowerBoundMs;
  const sequentialPages = r.fullWindowLoad.requests.sequential;
  const { at500: render500, at8640: render8640 } = r.render;
  const growth = r.growth8640vs500;
  const { reloadWithKeptRuns: reload, overview, crowd, size } = r;
  const heapMb = r.heapMbFiveBusyIntegrations;
  return `
Sync Runs benchmark (${r.date}; ${r.machine.cpus} cores, load ${r.machine.loadavg.join(' ')}; ${r.latencyMs} ms latency; median of ${r.runsPerScenario})

Full-window load (${r.fullWindowLoad.runs} runs, 30 days, 5-minute cadence)
  parallel slices        ${r.fullWindowLoad.parallelMs} ms  = ${r.fullWindowLoad.ratioToLowerBound} × sequential lower bound (${lowerBound} ms = ${sequentialPages} pages × ${r.latencyMs} ms)   target ≤ 0.25
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

Many viewers, one budget (${crowd.viewers} profiles open a busy tenant's overview at once; stand-in limit ${crowdLimit}/min)
  one viewer alone              ${crowd.alone.cards} cards: every card's health after ${crowd.alone.healthRequests} requests, ${crowd.alone.healthMs} ms (target ≤ 60 requests); the week after ${crowd.alone.requests} requests, ${crowd.alone.completeMs} ms
  together                      ${crowd.requests} requests = ${crowd.requestsRatioToAlone} × ${crowd.viewers} × alone (target ≤ 1.1); ${crowd.refused} refused with 429 = ${crowd.refusedShare} % (target ≤ 1 %)
  failed views / errors shown   ${crowd.failedViews} / ${crowd.errorsShown}   target 0 / 0
  slowest overview              every card's health in ${crowd.slowestHealthMs} ms (target ≤ 10 s); whole week within 2 min for ${crowd.weeksCompleteWithin2Min} of ${crowd.viewers}
  the stand-in's own CPU        ${crowd.serverCpuToHealthMs} ms until the slowest health (of ${2 * crowd.slowestHealthMs} ms the two cores had)
  the same crowd with no limit  every card's health in ${crowd.noLimit.slowestHealthMs} ms, the slowest week ${crowd.noLimit.slowestCompleteMs} ms (what eight browsers cost this machine)

JS heap, five busy integrations × 30 days: ${heapMb} MB   target ≤ 150
JavaScript (gzip): first screen (shell) ${size.firstScreenKbGzip} KB (target ≤ 150); signed-in overview ${size.signedInOverviewKbGzip} KB; total ${size.totalKbGzip} KB
Written to bench-results/latest.json
`;
}
