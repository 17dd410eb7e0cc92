// The bench's setting: the production build in Chromium against the stand-in with 100 ms latency
// and a 5-minute cadence, on ports of its own. One signed-in page measures every scenario.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBenchBrowser } from './browser.ts';
import { startLocalStack } from '../scripts/local-stack.ts';
import { LONG_TASK_PROBE } from './measure.ts';

export const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORTS = { idpPort: 9643, standinPort: 9887, appPort: 4373, demoPort: 4374 };
export const APP = `http://localhost:${PORTS.appPort}`;
/** An API key for the Node-side transport floor only. */
export const BENCH_KEY = 'neo_sk_bench_transportfloor0001';

type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;

export interface BenchSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Replaced when a scenario restarts the stand-in with other settings. */
  stack: LocalStack;
  /** The app's own Authorization header, kept in this process for the browser transport floor. */
  appAuthorization: string;
}

/** Builds the app if there is no build, starts the local stack and opens the bench's page. */
export async function openBenchSession(): Promise<BenchSession> {
  process.env.STANDIN_LATENCY_MS = String(LATENCY_MS);
  process.env.STANDIN_CADENCE_MINUTES = '5';
  process.env.STANDIN_RATE_LIMIT = '100000'; // measure fetching, not the tenant's limit
  process.env.STANDIN_API_KEYS = BENCH_KEY;

  if (!existsSync('dist/index.html')) {
    const build = spawnSync('npx vite build --logLevel warn', { stdio: 'inherit', shell: true });
    if (build.status !== 0) process.exit(1);
  }
  const stack = await startLocalStack({ ...PORTS, app: 'preview' });
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
  return { browser, context, page, stack, appAuthorization: '' };
}

/** Stops the stand-in and starts it again with `env` set (the stand-in reads it at start). */
export async function restartStack(session: BenchSession, env: Record<string, string>) {
  await session.stack.close();
  Object.assign(process.env, env);
  session.stack = await startLocalStack({ ...PORTS, app: 'preview' });
}

export async function closeBenchSession(session: BenchSession) {
  await session.browser.close();
  await session.stack.close();
}
