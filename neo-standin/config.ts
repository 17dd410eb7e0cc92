// The stand-in's knobs, read from the environment once and validated through zod
// (config-parsing.ts), every problem listed at once.
import { fileURLToPath } from 'node:url';
import {
  API_AUDIENCE,
  DASHBOARD_CLIENT_ID,
  DEFAULT_IDP_PORT,
  idpIssuer,
  LOCAL_STATE_DIR,
  PORTAL_CLIENT_ID,
} from '../local-idp/settings.ts';
import { CONTRACT_LIMIT, RATE_WINDOW_MS } from '../src/lib/api/rate-limit-info.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { DEFAULT_HISTORY_DAYS, DEFAULT_SEED } from './core/demo-tenant.ts';
import type { PagingFault } from './core/faults.ts';
import { definedOnly, list, parseStandinEnv, settledProblems, type Env } from './config-parsing.ts';

export type StandinConfig = {
  /** PORT (or STANDIN_PORT); 0 picks a free port. */
  port: number;
  /** HOST (or STANDIN_HOST). */
  host: string;
  /** STANDIN_LATENCY_MS: added before every API response. */
  latencyMs: number;
  /** STANDIN_FAULT_5XX_RATE, 0–1: share of requests answered 500 internal_error. */
  fault5xxRate: number;
  /** STANDIN_FAULT_429_RATE, 0–1: share of requests answered 429 rate_limited. */
  fault429Rate: number;
  /** STANDIN_FAULT_DROP_RATE, 0–1: share of requests whose connection is closed without an answer. */
  faultDropRate: number;
  /** STANDIN_FAULT_TRUNCATE_RATE, 0–1: share of answers cut off half-way through the body. */
  faultTruncateRate: number;
  /** STANDIN_PAGING_FAULT: none | repeat-cursor | missing-cursor | empty-pages | stale-pages. */
  pagingFault: PagingFault;
  /** STANDIN_TOKEN_EXPIRES_AFTER: each access token is refused (401) after this many requests. */
  tokenExpiresAfter: number | null;
  /** STANDIN_HISTORY_DAYS: how far back runs exist. */
  historyDays: number;
  /** STANDIN_CADENCE_MINUTES: one cadence for every integration; null = each its own. */
  cadenceMinutes: number | null;
  /** STANDIN_EVERY_INTEGRATION_SYNCS: all 17 known integrations sync (a busy tenant, for benches). */
  everyIntegrationSyncs: boolean;
  /** STANDIN_SEED: same seed, same runs. */
  seed: string;
  /** STANDIN_RATE_LIMIT: requests per tenant per window. */
  rateLimit: number;
  rateLimitWindowMs: number;
  /** STANDIN_CORS_ORIGINS, comma-separated. */
  corsOrigins: string[];
  /** STANDIN_API_KEYS, comma-separated `neo_sk_<env>_<secret>`. */
  apiKeys: string[];
  /** IDP_PORT: the local identity provider whose tokens are accepted. */
  idpPort: number;
  /** STANDIN_ISSUER (default: the local IdP's issuer on idpPort). */
  issuer: string;
  /** STANDIN_AUDIENCE. */
  audience: string;
  /** STANDIN_CA_FILE: the only certificate trusted when fetching the issuer's keys. */
  caFile: string;
  /** Client ids (`azp`) whose tokens are accepted. */
  allowedClientIds: string[];
  /** The clock; tests inject one. */
  clock: Clock;
  /** The demo tenant's "today" (see createDemoTenant); default: now, rounded down to the hour. */
  referenceTime: number | null;
};

export class StandinConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Neo API stand-in configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'StandinConfigError';
  }
}

/**
 * What `npm run standin` accepts when STANDIN_API_KEYS is unset. It only ever unlocks this local
 * stand-in's demo data; never put a real Neo key (or this one) in a browser.
 */
export const DEV_API_KEY = 'neo_sk_dev_localstandin4f7c2a9e1b';

export const DEFAULT_CORS_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_CA_FILE = `${REPO_ROOT}${LOCAL_STATE_DIR}/idp/cert.pem`;
/** Env knobs first, then `overrides` (what startStandin is given); throws StandinConfigError. */
export function resolveConfig(
  overrides: Partial<StandinConfig> = {},
  env: Env = process.env,
): StandinConfig {
  const { values: vars, problems: envProblems } = parseStandinEnv(env);
  const idpPort = overrides.idpPort ?? vars.IDP_PORT ?? DEFAULT_IDP_PORT;
  const config: StandinConfig = {
    port: vars.PORT ?? 8787,
    host: env.STANDIN_HOST ?? env.HOST ?? '127.0.0.1',
    latencyMs: vars.STANDIN_LATENCY_MS ?? 0,
    fault5xxRate: vars.STANDIN_FAULT_5XX_RATE ?? 0,
    fault429Rate: vars.STANDIN_FAULT_429_RATE ?? 0,
    faultDropRate: vars.STANDIN_FAULT_DROP_RATE ?? 0,
    faultTruncateRate: vars.STANDIN_FAULT_TRUNCATE_RATE ?? 0,
    pagingFault: vars.STANDIN_PAGING_FAULT ?? 'none',
    tokenExpiresAfter: vars.STANDIN_TOKEN_EXPIRES_AFTER ?? null,
    historyDays: vars.STANDIN_HISTORY_DAYS ?? DEFAULT_HISTORY_DAYS,
    cadenceMinutes: vars.STANDIN_CADENCE_MINUTES ?? null,
    everyIntegrationSyncs: vars.STANDIN_EVERY_INTEGRATION_SYNCS === 'true',
    seed: env.STANDIN_SEED || DEFAULT_SEED,
    rateLimit: vars.STANDIN_RATE_LIMIT ?? CONTRACT_LIMIT,
    rateLimitWindowMs: RATE_WINDOW_MS,
    corsOrigins: list(env.STANDIN_CORS_ORIGINS) ?? DEFAULT_CORS_ORIGINS,
    apiKeys: list(env.STANDIN_API_KEYS) ?? [],
    idpPort,
    issuer: env.STANDIN_ISSUER || idpIssuer(idpPort),
    audience: env.STANDIN_AUDIENCE || API_AUDIENCE,
    caFile: env.STANDIN_CA_FILE || DEFAULT_CA_FILE,
    allowedClientIds: [DASHBOARD_CLIENT_ID, PORTAL_CLIENT_ID],
    clock: systemClock,
    referenceTime: null,
    ...definedOnly(overrides),
  };
  const problems = [...envProblems, ...settledProblems(config)];
  if (problems.length > 0) throw new StandinConfigError(problems);
  return config;
}
