// Runtime configuration: one build, many deployments. Read from `<base>/config.json` at start-up.
import { z } from 'zod';

// No eval() probe: the production CSP forbids it (script-src 'self').
z.config({ jitless: true });

const httpsOrLocalUrl = z.url().refine((value) => {
  const url = new URL(value);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  return url.protocol === 'https:' || (local && url.protocol === 'http:');
}, 'must be an https:// URL (http:// is allowed only for localhost)');

const integrationEntry = z.union([
  z.string().min(1),
  z.object({
    name: z.string().min(1),
    displayName: z.string().min(1).optional(),
    kind: z.string().min(1).optional(),
  }),
]);

export const appConfigSchema = z.object({
  apiBaseUrl: httpsOrLocalUrl,
  auth: z.object({
    clientId: z.string().min(1),
    authority: z
      .url()
      .refine((v) => v.startsWith('https://'), 'must be an https:// URL (MSAL requires it)'),
    knownAuthorities: z.array(z.string().min(1)).default([]),
    scopes: z.array(z.string().min(1)).min(1, 'needs at least the API scope'),
  }),
  integrations: z.array(integrationEntry).min(1, 'list at least one integration name'),
  embed: z
    .object({ allowedParentOrigins: z.array(z.url()).default([]) })
    .default({ allowedParentOrigins: [] }),
  /** Off unless set: where client-side errors are POSTed (see README, "Error reporting"). */
  errorReporting: z.object({ endpoint: httpsOrLocalUrl }).optional(),
  /** Temporal Web UI base (e.g. https://temporal.example/namespaces/neo): ids become links. */
  temporalUiUrl: httpsOrLocalUrl.optional(),
  /** Loading tuning: how many time slices of a window to fetch in parallel (1 = one cursor chain). */
  fetch: z
    .object({ maxParallelSlices: z.int().min(1).max(12).default(6) })
    .default({ maxParallelSlices: 6 }),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

export type IntegrationRef = { name: string; displayName?: string; kind?: string };

export function integrationRefs(config: AppConfig): IntegrationRef[] {
  return config.integrations.map((entry) => (typeof entry === 'string' ? { name: entry } : entry));
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(message: string, problems: string[] = []) {
    super(message);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses config.json text into a validated config, or throws a ConfigError listing every problem. */
export function parseAppConfig(raw: unknown): AppConfig {
  const result = appConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new ConfigError('config.json is not valid', problems);
}

/** Fetches and validates `config.json` from the app's own base URL. */
export async function loadAppConfig(
  baseUrl: string = import.meta.env.BASE_URL,
): Promise<AppConfig> {
  const url = `${baseUrl}config.json`;
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch {
    throw new ConfigError(`config.json could not be fetched from ${url} (network error)`);
  }
  if (!response.ok) {
    throw new ConfigError(`config.json could not be loaded from ${url} (HTTP ${response.status})`);
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConfigError(`config.json at ${url} is not valid JSON`);
  }
  return parseAppConfig(raw);
}
