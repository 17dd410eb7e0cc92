// Points the app at one of the e2e stack's stand-ins with faults turned on, and reads that
// stand-in's own view (its run count and what it answered) to compare with what the app shows.
import type { Page } from '@playwright/test';
import { E2E_FAULTY_STANDINS } from '../../scripts/e2e-ports.ts';

export type FaultyStandin = keyof typeof E2E_FAULTY_STANDINS;

export type StandinStats = {
  requests: number;
  byStatus: Record<string, number>;
  overLimit: number;
  injected: { internalError: number; rateLimited: number; expiredToken: number; paging: number };
  dropped: number;
  truncated: number;
};

const base = (name: FaultyStandin) => `http://127.0.0.1:${E2E_FAULTY_STANDINS[name]}`;

/** Serves the app a config.json whose apiBaseUrl is the faulty stand-in. */
export async function useFaultyStandin(page: Page, name: FaultyStandin) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...config, apiBaseUrl: base(name) } });
  });
}

export async function standinStats(name: FaultyStandin): Promise<StandinStats> {
  return (await (await fetch(`${base(name)}/_standin/stats`)).json()) as StandinStats;
}

export async function standinCount(
  name: FaultyStandin,
  integration: string,
  window: { since: string; until: string },
): Promise<number> {
  const q = new URLSearchParams({ integration, ...window });
  const body = (await (await fetch(`${base(name)}/_standin/count?${q}`)).json()) as {
    runs: number;
  };
  return body.runs;
}

/** An absolute window ending at the last whole minute (so the stand-in's count cannot move). */
export function pastWindow(days: number) {
  const until = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
  return {
    since: new Date(until - days * 86_400_000).toISOString(),
    until: new Date(until).toISOString(),
  };
}
