// Counted words, written once for the app, the domain's sentences and the watcher's notices.

/** The word for `n` things: `one` for exactly 1, else `many` ("run" → "runs"). */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/**
 * `n` and the word for it: "1 run", "3 runs", "0 runs"; `format` writes the number ("1,234 runs"
 * with a locale's NumberFormat).
 */
export function plural(
  n: number,
  one: string,
  many = `${one}s`,
  format: (n: number) => string = String,
): string {
  return `${format(n)} ${pluralWord(n, one, many)}`;
}
