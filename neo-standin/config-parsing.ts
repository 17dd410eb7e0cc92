// The stand-in's knobs as zod schemas (server-kit/env.ts): the environment's text first, then the
// settled values (options from startStandin included) with their ranges; every problem at once,
// each named by the variable to fix.
import { z } from 'zod';
import { finiteNumber, oneOf, parseAll, parseFields, type Env } from '../server-kit/env.ts';
import { PAGING_FAULTS } from './core/faults.ts';

export type { Env } from '../server-kit/env.ts';

/** Comma-separated list; unset or blank means "use the default". */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `startStandin({ port: undefined })` must not wipe out the default. */
export function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

export function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** The variable behind each setting, as problems name it. */
const NAMES: Record<string, string> = {
  port: 'PORT',
  latencyMs: 'STANDIN_LATENCY_MS',
  fault5xxRate: 'STANDIN_FAULT_5XX_RATE',
  fault429Rate: 'STANDIN_FAULT_429_RATE',
  faultDropRate: 'STANDIN_FAULT_DROP_RATE',
  faultTruncateRate: 'STANDIN_FAULT_TRUNCATE_RATE',
  historyDays: 'STANDIN_HISTORY_DAYS',
  rateLimit: 'STANDIN_RATE_LIMIT',
  idpPort: 'IDP_PORT',
  cadenceMinutes: 'STANDIN_CADENCE_MINUTES',
  tokenExpiresAfter: 'STANDIN_TOKEN_EXPIRES_AFTER',
  corsOrigins: 'STANDIN_CORS_ORIGINS',
  apiKeys: 'STANDIN_API_KEYS',
  issuer: 'STANDIN_ISSUER',
  drop: 'STANDIN_FAULT_DROP_RATE + STANDIN_FAULT_TRUNCATE_RATE',
  errors: 'STANDIN_FAULT_5XX_RATE + STANDIN_FAULT_429_RATE',
};

const whole = finiteNumber({ integer: true });
const decimal = finiteNumber();

/** The environment's text, parsed (ranges are checked on the settled values below). */
const ENV_SHAPE = {
  PORT: whole,
  STANDIN_LATENCY_MS: decimal,
  STANDIN_FAULT_5XX_RATE: decimal,
  STANDIN_FAULT_429_RATE: decimal,
  STANDIN_FAULT_DROP_RATE: decimal,
  STANDIN_FAULT_TRUNCATE_RATE: decimal,
  STANDIN_HISTORY_DAYS: whole,
  STANDIN_RATE_LIMIT: whole,
  IDP_PORT: whole,
  STANDIN_CADENCE_MINUTES: whole,
  STANDIN_TOKEN_EXPIRES_AFTER: whole,
  STANDIN_EVERY_INTEGRATION_SYNCS: oneOf(['true', 'false'], 'false'),
  STANDIN_PAGING_FAULT: oneOf(PAGING_FAULTS, 'none'),
};

/** What the environment says, as far as it is valid, and what is wrong with the rest. */
export function parseStandinEnv(env: Env) {
  return parseFields(ENV_SHAPE, { ...env, PORT: env.STANDIN_PORT ?? env.PORT });
}

const range = (min: number, max: number, integer = false) =>
  z
    .number()
    .refine((value) => (!integer || Number.isInteger(value)) && value >= min && value <= max, {
      message: `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
    });

const API_KEY = /^neo_sk_[a-z0-9]+_[A-Za-z0-9]{16,}$/;

/** A key that is not `neo_sk_<env>_<secret>` is named by its start only: it may be a real key. */
const apiKey = z.string().check((ctx) => {
  if (API_KEY.test(ctx.value)) return;
  ctx.issues.push({
    code: 'custom',
    input: undefined, // the key itself is never repeated
    continue: true,
    message: `"${ctx.value.slice(0, 12)}…" is not neo_sk_<env>_<secret> (secret: 16+ letters or digits)`,
  });
});

/** The settled values, whether they came from the environment or from startStandin's options. */
const settledSchema = z
  .object({
    port: range(0, 65535, true),
    latencyMs: range(0, 60_000),
    fault5xxRate: range(0, 1),
    fault429Rate: range(0, 1),
    faultDropRate: range(0, 1),
    faultTruncateRate: range(0, 1),
    historyDays: range(1, 3650, true),
    rateLimit: range(1, 10_000_000, true),
    idpPort: range(1, 65535, true),
    cadenceMinutes: range(1, 1440, true).nullable(),
    tokenExpiresAfter: range(1, 1_000_000, true).nullable(),
    corsOrigins: z.array(
      z.string().refine(isOrigin, { message: 'is not an origin like http://localhost:5173' }),
    ),
    apiKeys: z.array(apiKey),
    issuer: z.string().regex(/^https:\/\//, { message: 'must be an https:// URL' }),
  })
  .superRefine((config, ctx) => {
    if (config.faultDropRate + config.faultTruncateRate > 1)
      ctx.addIssue({ code: 'custom', path: ['drop'], message: 'must not exceed 1' });
    if (config.fault5xxRate + config.fault429Rate > 1)
      ctx.addIssue({ code: 'custom', path: ['errors'], message: 'must not exceed 1' });
  });

/** Problems with the settled values, each naming its variable. */
export function settledProblems(config: z.input<typeof settledSchema>): string[] {
  const parsed = parseAll(
    settledSchema,
    config,
    (path) => NAMES[String(path[0])] ?? String(path[0]),
  );
  return parsed.ok ? [] : parsed.problems;
}
