// Runtime configuration: one build, many deployments. Read from `<base>/config.json` at start-up.
// The shape and its rules live in config-schema.ts, shared with the production server.
// No eval() probe: the production CSP forbids it (script-src 'self'). zod-jitless sets
// `z.config({ jitless: true })` and must be imported first: zod reads the setting when a schema is
// built, and config-schema.ts builds its schemas as it loads.
import type { IntegrationRef } from '@/lib/integrations/catalog';
import './zod-jitless';
import { appConfigSchema, type AppConfig } from './config-schema';

export { appConfigSchema, type AppConfig };

export type { IntegrationRef };

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
