// Structured JSON logs, one object per line, with anything shaped like a credential redacted (API
// keys, bearer tokens, JWTs): a log line is never where a secret leaks.
import { redactCredentials } from '../../src/lib/format/redact-credentials.ts';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Logger = {
  log(level: Level, message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

const SECRET_FIELD = /authorization|token|secret|password|pass$|api[-_]?key|url$/i;

function clean(value: unknown, key = ''): unknown {
  if (SECRET_FIELD.test(key) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string') return redactCredentials(value);
  if (value instanceof Error) return redactCredentials(value.message);
  if (Array.isArray(value)) return value.map((v) => clean(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, k)]));
  return value;
}

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => number = Date.now,
): Logger {
  const log = (level: Level, message: string, fields: Record<string, unknown> = {}) =>
    write(
      JSON.stringify({
        time: new Date(now()).toISOString(),
        level,
        msg: redactCredentials(message),
        ...(clean(fields) as Record<string, unknown>),
      }),
    );
  return {
    log,
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}
