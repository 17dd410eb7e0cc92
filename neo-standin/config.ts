// The stand-in's knobs, read from the environment once and validated (every problem listed at once).
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
import { PAGING_FAULTS, type PagingFault } from './core/faults.ts';
import { checkRange, definedOnly, isOrigin, list, readNumber, type Env } from './config-parsing.ts';

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
const API_KEY = /^neo_sk_[a-z0-9]+_[A-Za-z0-9]{16,}$/;

const RANGES = {
  port: ['PORT', { min: 0, max: 65535, integer: true }],
  latencyMs: ['STANDIN_LATENCY_MS', { min: 0, max: 60_000 }],
  fault5xxRate: ['STANDIN_FAULT_5XX_RATE', { min: 0, max: 1 }],
  fault429Rate: ['STANDIN_FAULT_429_RATE', { min: 0, max: 1 }],
  faultDropRate: ['STANDIN_FAULT_DROP_RATE', { min: 0, max: 1 }],
  faultTruncateRate: ['STANDIN_FAULT_TRUNCATE_RATE', { min: 0, max: 1 }],
  historyDays: ['STANDIN_HISTORY_DAYS', { min: 1, max: 3650, integer: true }],
  rateLimit: ['STANDIN_RATE_LIMIT', { min: 1, max: 10_000_000, integer: true }],
  idpPort: ['IDP_PORT', { min: 1, max: 65535, integer: true }],
} as const;

const CADENCE = { min: 1, max: 1440, integer: true } as const;

/** Env knobs first, then `overrides` (what startStandin is given); throws StandinConfigError. */
export function resolveConfig(
  overrides: Partial<StandinConfig> = {},
  env: Env = process.env,
): StandinConfig {
  const problems: string[] = [];
  const fromEnv: Partial<Record<keyof typeof RANGES, number>> = {};
  const envNames: Record<keyof typeof RANGES, string | undefined> = {
    port: env.STANDIN_PORT ?? env.PORT,
    latencyMs: env.STANDIN_LATENCY_MS,
    fault5xxRate: env.STANDIN_FAULT_5XX_RATE,
    fault429Rate: env.STANDIN_FAULT_429_RATE,
    faultDropRate: env.STANDIN_FAULT_DROP_RATE,
    faultTruncateRate: env.STANDIN_FAULT_TRUNCATE_RATE,
    historyDays: env.STANDIN_HISTORY_DAYS,
    rateLimit: env.STANDIN_RATE_LIMIT,
    idpPort: env.IDP_PORT,
  };
  for (const key of Object.keys(RANGES) as (keyof typeof RANGES)[]) {
    const [name, check] = RANGES[key];
    fromEnv[key] = readNumber(problems, name, envNames[key], check);
  }
  const envCadence = readNumber(
    problems,
    'STANDIN_CADENCE_MINUTES',
    env.STANDIN_CADENCE_MINUTES,
    CADENCE,
  );
  const idpPort = overrides.idpPort ?? fromEnv.idpPort ?? DEFAULT_IDP_PORT;
  const tokenExpiresAfter = readNumber(
    problems,
    'STANDIN_TOKEN_EXPIRES_AFTER',
    env.STANDIN_TOKEN_EXPIRES_AFTER,
    { min: 1, max: 1_000_000, integer: true },
  );
  const every = env.STANDIN_EVERY_INTEGRATION_SYNCS || 'false';
  if (every !== 'true' && every !== 'false')
    problems.push('STANDIN_EVERY_INTEGRATION_SYNCS must be true or false');
  const pagingFault = env.STANDIN_PAGING_FAULT || 'none';
  if (!(PAGING_FAULTS as readonly string[]).includes(pagingFault))
    problems.push(`STANDIN_PAGING_FAULT must be one of ${PAGING_FAULTS.join(', ')}`);

  const config: StandinConfig = {
    port: fromEnv.port ?? 8787,
    host: env.STANDIN_HOST ?? env.HOST ?? '127.0.0.1',
    latencyMs: fromEnv.latencyMs ?? 0,
    fault5xxRate: fromEnv.fault5xxRate ?? 0,
    fault429Rate: fromEnv.fault429Rate ?? 0,
    faultDropRate: fromEnv.faultDropRate ?? 0,
    faultTruncateRate: fromEnv.faultTruncateRate ?? 0,
    pagingFault: pagingFault as PagingFault,
    tokenExpiresAfter: tokenExpiresAfter ?? null,
    historyDays: fromEnv.historyDays ?? DEFAULT_HISTORY_DAYS,
    cadenceMinutes: envCadence ?? null,
    everyIntegrationSyncs: every === 'true',
    seed: env.STANDIN_SEED || DEFAULT_SEED,
    rateLimit: fromEnv.rateLimit ?? CONTRACT_LIMIT,
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

  for (const key of Object.keys(RANGES) as (keyof typeof RANGES)[]) {
    const [name, check] = RANGES[key];
    checkRange(problems, name, config[key], check);
  }
  if (config.cadenceMinutes !== null)
    checkRange(problems, 'STANDIN_CADENCE_MINUTES', config.cadenceMinutes, CADENCE);
  if (config.faultDropRate + config.faultTruncateRate > 1)
    problems.push('STANDIN_FAULT_DROP_RATE + STANDIN_FAULT_TRUNCATE_RATE must not exceed 1');
  if (config.fault5xxRate + config.fault429Rate > 1)
    problems.push('STANDIN_FAULT_5XX_RATE + STANDIN_FAULT_429_RATE must not exceed 1');
  for (const origin of config.corsOrigins)
    if (!isOrigin(origin))
      problems.push(
        `STANDIN_CORS_ORIGINS: "${origin}" is not an origin like http://localhost:5173`,
      );
  for (const key of config.apiKeys)
    if (!API_KEY.test(key))
      problems.push(
        `STANDIN_API_KEYS: "${key.slice(0, 12)}…" is not neo_sk_<env>_<secret> (secret: 16+ letters or digits)`,
      );
  if (!/^https:\/\//.test(config.issuer))
    problems.push(`STANDIN_ISSUER must be an https:// URL (got "${config.issuer}")`);
  if (problems.length > 0) throw new StandinConfigError(problems);
  return config;
}
