// `npm run bench:profile -- filter|search|draw|overview`: samples the CPU while repeating one interaction on
// 8,640 runs and prints the functions with the most self time. Build with `npx vite build --minify
// false` first to read function names. A tool for finding what to optimise, not a benchmark.
import { signIn } from './sign-in.ts';
import { launchBenchBrowser } from './browser.ts';
import { startLocalStack } from '../scripts/local-stack.ts';
import { clearKeptRuns } from './return-visits.ts';
process.env.STANDIN_CADENCE_MINUTES = '5';
process.env.STANDIN_RATE_LIMIT = '100000';
const PORTS = { idpPort: 9643, standinPort: 9887, appPort: 4373, demoPort: 4374 };
const APP = `http://localhost:${PORTS.appPort}`;
const stack = await startLocalStack({ ...PORTS, app: 'preview' });
const browser = await launchBenchBrowser();
const context = await browser.newContext({
  viewport: { width: 1280, height: 900 },
});
const page = await context.newPage();
await signIn(page, APP);
await page.goto(`${APP}/integrations/connectwise`);
await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
await page.waitForTimeout(2000);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const action = process.argv[2] ?? 'filter';
// PROFILE_TRACE=1: the renderer's own work (style, layout, paint…) by event name, besides JS.
const traced: { name: string; dur?: number; ph: string; tid: number }[] = [];
if (process.env.PROFILE_TRACE) {
  cdp.on('Tracing.dataCollected', (e) => traced.push(...(e.value as typeof traced)));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
  });
}
if (action === 'reload') {
  // A reload of the 30-day page with its runs kept (they are written 2 s after the load).
  await page.waitForTimeout(4000);
  const t = Date.now();
  await page.reload();
  await page.getByText(/runs loaded\./).waitFor({ timeout: 120_000 });
  console.log('reload', Date.now() - t);
}
if (action === 'overview') {
  // A first visit to the overview, until every card has its whole week.
  await clearKeptRuns(page);
  const t = Date.now();
  await page.getByRole('link', { name: 'Integrations' }).click();
  await page.locator('article [data-health]').first().waitFor();
  if (process.env.PROFILE_UNTIL === 'health') {
    // Every card's health, not the whole week.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('article [data-health]').length ===
        document.querySelectorAll('article').length,
      null,
      { polling: 50 },
    );
    console.log('overview health', Date.now() - t);
  } else {
    await page.waitForFunction(() => !document.body.textContent?.includes('… in 7 days'), null, {
      polling: 250,
      timeout: 120_000,
    });
    console.log('overview week', Date.now() - t);
  }
}
if (action === 'draw') {
  for (let i = 0; i < 3; i++) {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    const t = Date.now();
    await page.goBack();
    await page.locator('[data-testid="timeline-mark"]').first().waitFor();
    console.log('draw', Date.now() - t);
  }
}
for (let i = 0; i < (['draw', 'overview', 'reload'].includes(action) ? 0 : 4); i++) {
  const t = await page.evaluate(async (a) => {
    const start = performance.now();
    if (a === 'filter')
      (
        document
          .querySelector('[aria-label="Filter by status"]')!
          .querySelectorAll('button')[2] as HTMLButtonElement
      ).click();
    else {
      const inp = document.querySelector('input[type=search]') as HTMLInputElement;
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(inp, inp.value ? '' : 'C');
      inp.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  }, action);
  console.log(action, Math.round(t));
  await page.waitForTimeout(800);
}
const { profile } = await cdp.send('Profiler.stop');
if (process.env.PROFILE_TRACE) {
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const byName = new Map<string, number>();
  for (const e of traced)
    if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 16))
    console.log(`${v.toFixed(1).padStart(7)} ms [trace] ${k}`);
}
const self = new Map<string, number>();
const dt = profile.timeDeltas ?? [];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
(profile.samples ?? []).forEach((id, i) => {
  const n = byId.get(id)!;
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log(
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${v.toFixed(1).padStart(7)} ms ${k}`)
    .join('\n'),
);
// PROFILE_CALLERS=name: who called that function, by its self time.
const wanted = process.env.PROFILE_CALLERS;
if (wanted) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callers = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName !== wanted) return;
    const chain: string[] = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 4; p = parent.get(p))
      chain.push(byId.get(p)!.callFrame.functionName || '(anon)');
    const key = chain.join(' < ');
    callers.set(key, (callers.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`${v.toFixed(1).padStart(7)} ms ${wanted} < ${k}`);
}
await browser.close();
await stack.close();
process.exit(0);
