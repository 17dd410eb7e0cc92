// API text is data: no source file of the app has a way to turn a string into markup or code. The
// lint rule bans `dangerouslySetInnerHTML` in JSX; this checks every sink, in every module of src.
import { describe, expect, it } from 'vitest';

/** Every module of the app (tests and test helpers aside), by path, as text. */
const SOURCES = import.meta.glob<string>(
  ['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./**/*.d.ts', '!./test/**'],
  { query: '?raw', import: 'default', eager: true },
);

/** Where a string becomes HTML or script. */
const SINKS: readonly [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['innerHTML / outerHTML', /\.\s*(?:inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['eval', /(?<![\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
];

/** The code without comments (a URL's `//` follows a colon, so it stays). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** `path: sink` for every sink found. */
function sinksIn(sources: Record<string, string>): string[] {
  return Object.entries(sources).flatMap(([path, text]) =>
    SINKS.filter(([, pattern]) => pattern.test(code(text))).map(([name]) => `${path}: ${name}`),
  );
}

describe('HTML and script sinks', () => {
  it('no module of the app turns a string into markup or code', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    expect(Object.keys(SOURCES)).toContain(
      './features/sync-runs/components/runs-table/run-detail.tsx',
    );
    expect(sinksIn(SOURCES)).toEqual([]);
  });

  it('finds each sink it looks for, outside comments only', () => {
    const matches = (line: string) => SINKS.filter(([, p]) => p.test(code(line))).map(([n]) => n);
    expect(matches('el.innerHTML = text;')).toEqual(['innerHTML / outerHTML']);
    expect(matches('<div dangerouslySetInnerHTML={{ __html: x }} />')).toEqual([
      'dangerouslySetInnerHTML',
    ]);
    expect(matches('const f = eval(text);')).toEqual(['eval']);
    expect(matches('window.eval(text)')).toEqual(['eval']);
    expect(matches('evaluate(text)')).toEqual([]);
    expect(matches('new Function("return 1")')).toEqual(['new Function']);
    expect(matches("setTimeout('alert(1)', 1)")).toEqual(['string timer']);
    expect(matches('// no eval() here')).toEqual([]);
    expect(matches('const u = "https://x.example/"; el.outerHTML = u;')).toEqual([
      'innerHTML / outerHTML',
    ]);
  });
});
