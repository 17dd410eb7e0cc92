// The one JSON log line of both services: `{time, level, msg, …fields}`, one object per line.
// Nothing in it leaks a credential: the message and every string field go through the shared
// credential rules (src/lib/format/redact-credentials.ts), and a field named like a credential
// (`apiKey`, `authorization`, `clientSecret` …), or ending in `url` (a webhook URL carries its
// secret in its path), is `[redacted]` whatever its value.
import { isCredentialName, redactCredentials } from '../src/lib/format/redact-credentials.ts';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type LogSink = (line: string) => void;
export type Logger = {
  log(level: Level, msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
};

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

const REDACTED = '[redacted]';
const isSecretField = (key: string) => isCredentialName(key) || /url$/i.test(key);

/** A value as logged: credentials redacted by value, and by the name of the field holding them. */
export function redactFields(value: unknown, key = ''): unknown {
  if (isSecretField(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'string') return redactCredentials(value);
  if (value instanceof Error) return redactCredentials(value.message);
  if (Array.isArray(value)) return value.map((item) => redactFields(item));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactFields(v, k)]));
  return value;
}

/** One line; `time`, `level` and `msg` come first and a field cannot overwrite them. */
export function logLine(level: Level, msg: string, fields: LogFields, time: Date): string {
  const line = { time: time.toISOString(), level, msg: redactCredentials(msg) };
  return JSON.stringify(Object.assign({ ...line }, redactFields(fields), line));
}

export function createLogger(sink: LogSink = stdoutSink, now: () => number = Date.now): Logger {
  const log = (level: Level, msg: string, fields: LogFields = {}) =>
    sink(logLine(level, msg, fields, new Date(now())));
  return {
    log,
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}
