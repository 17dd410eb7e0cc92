// The watcher's config file (JSON or YAML), validated with zod as the app validates config.json:
// every problem is listed at start, secrets come from environment variables named in the file.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { INTEGRATION_NAME, INTEGRATION_NAME_MESSAGE } from '../src/lib/api/integration-name.ts';
import { httpsOrLoopbackProblem } from '../src/lib/api/url-rule.ts';
import { isTimeZone } from '../src/lib/format/time-zones.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a lowercase slug: letters, digits, _ and -');
const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'the name of an environment variable (A–Z, 0–9, _)');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
/** Where the API key goes: https, or http only to this machine (the app's own rule). */
const apiUrl = z.string().superRefine((value, ctx) => {
  const problem = httpsOrLoopbackProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
/** A name the ops endpoint answers to (besides loopback): a DNS name or an IP address, no port. */
const hostName = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/,
    'a host name or IP address without port or wildcard, e.g. watcher.internal',
  )
  .transform((name) => name.toLowerCase());
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/** The dashboard's own rule (config.json): a slug, so it can never address another API path. */
const integrationName = z.string().regex(INTEGRATION_NAME, INTEGRATION_NAME_MESSAGE);

const integration = z.union([
  integrationName,
  z.strictObject({
    name: integrationName,
    displayName: z.string().min(1).max(80).optional(),
  }),
]);

export const CHANGE_KINDS = ['health', 'signature', 'anomaly', 'recovery'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const channel = z.discriminatedUnion('type', [
  z.strictObject({ name: slug, type: z.literal('teams'), urlEnv: envName }),
  z.strictObject({ name: slug, type: z.literal('slack'), urlEnv: envName }),
  z.strictObject({
    name: slug,
    type: z.literal('webhook'),
    urlEnv: envName,
    secretEnv: envName,
  }),
  z.strictObject({
    name: slug,
    type: z.literal('email'),
    smtp: z.strictObject({
      host: z.string().min(1),
      port: z.int().min(1).max(65535),
      secure: z.boolean().optional(),
      requireTls: z.boolean().optional(),
      userEnv: envName.optional(),
      passEnv: envName.optional(),
    }),
    from: z.email(),
    to: z.array(z.email()).min(1),
  }),
]);

const rule = z.strictObject({
  channels: z.array(slug).min(1),
  /** Default: every integration. */
  integrations: z.array(z.string()).optional(),
  /** Default: every kind of change. */
  kinds: z.array(z.enum(CHANGE_KINDS)).optional(),
  /** Held during these hours (in `timeZone`) and sent when they end. */
  quietHours: z
    .strictObject({ start: time, end: time, timeZone: z.string().default('UTC') })
    .refine((q) => isTimeZone(q.timeZone), { message: 'an IANA time zone such as Europe/Berlin' })
    .optional(),
});

export const watcherConfigSchema = z
  .strictObject({
    neo: z.strictObject({
      apiBaseUrl: apiUrl,
      apiKeyEnv: envName.default('NEO_API_KEY'),
    }),
    /** Where the dashboard is: every notice links into it. */
    dashboardUrl: httpUrl,
    database: z.string().min(1).default('watcher.db'),
    integrations: z.array(integration).min(1),
    polling: z
      .strictObject({
        minIntervalSeconds: z.int().min(15).default(60),
        maxIntervalSeconds: z.int().min(60).default(900),
        /** The share of the tenant's 1,200 requests a minute this watcher may use. */
        rateLimitShare: z.number().gt(0).max(0.5).default(0.1),
      })
      .default({ minIntervalSeconds: 60, maxIntervalSeconds: 900, rateLimitShare: 0.1 }),
    channels: z.array(channel).default([]),
    rules: z.array(rule).default([]),
    mutes: z
      .array(z.strictObject({ integration: z.string(), until: z.iso.datetime({ offset: true }) }))
      .default([]),
    /** More changes than this in one round become one digest per channel. */
    digestThreshold: z.int().min(1).default(5),
    /** Notices (and their deliveries) older than this are deleted, as runs past 30 days are. */
    noticeRetentionDays: z.int().min(2).max(3650).default(90),
    /** The ops endpoint. Beyond loopback, everything but health, readiness and metrics needs the token. */
    http: z
      .strictObject({
        host: z.string().default('127.0.0.1'),
        port: z.int().min(0).default(9464),
        /** Host names it answers to besides localhost, 127.0.0.1 and [::1] (DNS rebinding). */
        allowedHosts: z.array(hostName).default([]),
        tokenEnv: envName.default('WATCHER_OPS_TOKEN'),
      })
      .default({
        host: '127.0.0.1',
        port: 9464,
        allowedHosts: [],
        tokenEnv: 'WATCHER_OPS_TOKEN',
      }),
  })
  .superRefine((config, ctx) => {
    const names = new Set(config.channels.map((c) => c.name));
    if (names.size !== config.channels.length)
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'channel names must be unique' });
    config.rules.forEach((r, i) =>
      r.channels.forEach((name, j) => {
        if (!names.has(name))
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'channels', j],
            message: `no channel named "${name}"`,
          });
      }),
    );
    const integrations = new Set(integrationNames(config));
    const configured = (name: string, path: (string | number)[]) => {
      if (!integrations.has(name))
        ctx.addIssue({ code: 'custom', path, message: `no integration named "${name}"` });
    };
    config.rules.forEach((r, i) =>
      r.integrations?.forEach((name, j) => configured(name, ['rules', i, 'integrations', j])),
    );
    config.mutes.forEach((m, i) => configured(m.integration, ['mutes', i, 'integration']));
    if (config.polling.minIntervalSeconds > config.polling.maxIntervalSeconds)
      ctx.addIssue({
        code: 'custom',
        path: ['polling'],
        message: 'minIntervalSeconds must not exceed maxIntervalSeconds',
      });
  });

export type WatcherConfig = z.infer<typeof watcherConfigSchema>;

/** The names of the integrations the config watches. */
export function integrationNames(config: Pick<WatcherConfig, 'integrations'>): string[] {
  return config.integrations.map((i) => (typeof i === 'string' ? i : i.name));
}
export type ChannelEntry = WatcherConfig['channels'][number];
export type RuleEntry = WatcherConfig['rules'][number];

export class WatcherConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid watcher config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'WatcherConfigError';
  }
}

/** Parses JSON or YAML text (by the file's name) and lists every problem. */
export function parseWatcherConfig(text: string, file: string): WatcherConfig {
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new WatcherConfigError(file, [
      `cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const result = watcherConfigSchema.safeParse(raw);
  if (!result.success)
    throw new WatcherConfigError(
      file,
      result.error.issues.map(
        (issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
      ),
    );
  return result.data;
}

export function loadWatcherConfig(file: string): WatcherConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WatcherConfigError(file, [
      `cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  return parseWatcherConfig(text, file);
}
