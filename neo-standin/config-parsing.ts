// Small parsers for environment knobs; each problem is collected, so one error lists them all.
export type Env = Record<string, string | undefined>;
export type NumberCheck = { min: number; max: number; integer?: boolean };

/** Comma-separated list; unset or blank means "use the default". */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function readNumber(
  problems: string[],
  name: string,
  raw: string | undefined,
  check: NumberCheck,
): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || (check.integer && !Number.isInteger(value))) {
    problems.push(`${name} must be ${check.integer ? 'an integer' : 'a number'} (got "${raw}")`);
    return undefined;
  }
  return value;
}

export function checkRange(problems: string[], name: string, value: number, check: NumberCheck) {
  const integerOk = !check.integer || Number.isInteger(value);
  if (!integerOk || !(value >= check.min && value <= check.max))
    problems.push(
      `${name} must be ${check.integer ? 'an integer' : 'a number'} from ${check.min} to ${check.max} (got ${value})`,
    );
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
