// Environment variables and config files read through zod, for every Node service: one schema per
// service whose keys are the variable names, every problem listed at once, each as
// `NAME: what is wrong, got "value"` (the value with any credential in it redacted).
import { z } from 'zod';
import { redactCredentials } from '../src/lib/format/redact-credentials.ts';

export type Env = Readonly<Record<string, string | undefined>>;
type Path = readonly PropertyKey[];

/** Unset, or only white space: "use the default". */
function blank(raw: string | undefined): raw is undefined {
  return raw === undefined || raw.trim() === '';
}

function refuse(ctx: z.RefinementCtx, message: string, input: unknown): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, input });
  return z.NEVER;
}

/** A whole number (digits only) from `min` to `max`; `fallback` when unset. */
export function wholeNumber<F extends number | undefined>(min: number, max: number, fallback: F) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | F => {
      if (blank(raw)) return fallback;
      const text = raw.trim();
      const value = Number(text);
      if (/^\d+$/.test(text) && value >= min && value <= max) return value;
      return refuse(ctx, `must be a whole number from ${min} to ${max}`, text);
    });
}

/** Any finite number (`0.25`, `1e3`); ranges are the caller's, since options may bypass the env. */
export function finiteNumber(options: { integer?: boolean } = {}) {
  const what = options.integer ? 'a whole number' : 'a number';
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | undefined => {
      if (blank(raw)) return undefined;
      const value = Number(raw.trim());
      if (Number.isFinite(value) && (!options.integer || Number.isInteger(value))) return value;
      return refuse(ctx, `must be ${what}`, raw);
    });
}

/** One of a few words (`0`/`1`, `true`/`false`, a fault's name); `fallback` when unset. */
export function oneOf<const T extends readonly [string, ...string[]]>(
  words: T,
  fallback: T[number],
) {
  const allowed: readonly string[] = words;
  const list = words.length === 2 ? `${words[0]} or ${words[1]}` : `one of ${words.join(', ')}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx): T[number] => {
      if (blank(raw)) return fallback;
      const text = raw.trim();
      return allowed.includes(text) ? text : refuse(ctx, `must be ${list}`, text);
    });
}

/** A `0`/`1` switch, off when unset. */
export const flag = () => oneOf(['0', '1'], '0').transform((value) => value === '1');

/** Trimmed text; `undefined` when unset or blank. */
export const text = () =>
  z
    .string()
    .optional()
    .transform((raw) => (blank(raw) ? undefined : raw.trim()));

/** A comma-separated list, items trimmed, empty ones dropped; `undefined` when unset or blank. */
export const commaList = () =>
  z
    .string()
    .optional()
    .transform((raw) =>
      blank(raw)
        ? undefined
        : raw
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
    );

/** `value` as JSON; a problem saying why when it is not. */
export const jsonText = () =>
  z.string().transform((body, ctx): unknown => {
    try {
      return JSON.parse(body) as unknown;
    } catch (error) {
      return refuse(ctx, `is not valid JSON (${(error as Error).message})`, undefined);
    }
  });

/** One line per issue, every issue: `<name>: <message>, got "<value>"`. */
export function problemLines(error: z.ZodError, name: (path: Path) => string): string[] {
  return error.issues.map((issue) => {
    const input = issue.input;
    const got =
      typeof input === 'string' && input
        ? `, got "${redactCredentials(input)}"`
        : typeof input === 'number'
          ? `, got ${input}`
          : '';
    return `${name(issue.path)}: ${issue.message}${got}`;
  });
}

/** The variable (or field path) an issue is about, as written in the schema: `PORT`, `a.b.0`. */
export const pathName = (path: Path) => path.map(String).join('.') || '(root)';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Parses `input` (the environment, a file's value) with every problem named by `name`. */
export function parseAll<S extends z.ZodType>(
  schema: S,
  input: unknown,
  name: (path: Path) => string = pathName,
): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemLines(result.error, name) };
}

/**
 * Parses each variable on its own: every problem, and every value that is fine (so checks that
 * combine values still run when another variable is wrong).
 */
export function parseFields<S extends z.ZodRawShape>(
  shape: S,
  input: Env,
  name: (path: Path) => string = pathName,
): { values: { [K in keyof S]?: z.output<S[K]> }; problems: string[] } {
  const values: { [K in keyof S]?: z.output<S[K]> } = {};
  const problems: string[] = [];
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const parsed = parseAll(shape[key] as z.ZodType, input[key], (path) => name([key, ...path]));
    if (parsed.ok) values[key] = parsed.value as z.output<S[typeof key]>;
    else problems.push(...parsed.problems);
  }
  return { values, problems };
}
