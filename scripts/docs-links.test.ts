// The README is a front door into docs/: every relative link in the documentation must reach a file
// that exists, and every #anchor a heading of that file (as GitHub makes its ids), so a reader who
// follows one never lands on a 404 or the top of the wrong page.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { githubSlug, githubSlugs, relativeLinks } from './docs-links.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function markdownUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(dir, file));
}

const DOCUMENTS = [
  'README.md',
  'SECURITY.md',
  'CHANGELOG.md',
  'bench/RESULTS.md',
  ...markdownUnder('docs'),
];

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Every link of `file` that does not resolve, as "file: target (why)". */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const { target, line } of relativeLinks(read(file))) {
    const hash = target.indexOf('#');
    const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
    const resolved = path === '' ? join(ROOT, file) : resolve(join(ROOT, dirname(file)), path);
    const where = `${file}:${line}: ${target}`;
    if (!existsSync(resolved)) {
      broken.push(`${where} (no such file: ${relative(ROOT, resolved)})`);
      continue;
    }
    if (anchor === null) continue;
    if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) {
      broken.push(`${where} (an anchor into a file that is not Markdown)`);
      continue;
    }
    if (!githubSlugs(readFileSync(resolved, 'utf8')).has(anchor))
      broken.push(`${where} (no heading with the id "${anchor}")`);
  }
  return broken;
}

describe('reading Markdown as GitHub does', () => {
  it('makes heading ids as GitHub does', () => {
    expect(githubSlug('Configuration (`config.json`)')).toBe('configuration-configjson');
    expect(githubSlug('How "Where is my record?" decides')).toBe('how-where-is-my-record-decides');
    expect(githubSlug('Many viewers, one budget (2026-12-03)')).toBe(
      'many-viewers-one-budget-2026-12-03',
    );
    expect(githubSlug('What _this_ browser keeps')).toBe('what-this-browser-keeps');
    expect(githubSlug('snake_case stays')).toBe('snake_case-stays');
    expect([...githubSlugs('# A\n## A\n```\n# not a heading\n```\n## A')]).toEqual([
      'a',
      'a-1',
      'a-2',
    ]);
  });

  it('finds links and images to repository files, not to other sites or inside code', () => {
    const markdown = [
      'See [the docs](docs/a.md#part) and ![a picture](docs/b.png "title").',
      '[same page](#top) · [a site](https://example.com) · `[code](nope.md)`',
      '```',
      '[fenced](nope.md)',
      '```',
      '[ref]: ../c.md',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual([
      { target: 'docs/a.md#part', line: 1 },
      { target: 'docs/b.png', line: 1 },
      { target: '#top', line: 2 },
      { target: '../c.md', line: 6 },
    ]);
  });
});

describe('documentation links', () => {
  it('reads the README, SECURITY, CHANGELOG, the benchmark results and every file in docs/', () => {
    expect(DOCUMENTS).toEqual(
      expect.arrayContaining(['README.md', 'bench/RESULTS.md', 'docs/architecture.md']),
    );
    for (const file of DOCUMENTS) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });

  it.each(DOCUMENTS)('every relative link and #anchor in %s resolves', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('keeps the README a front door: at most 300 lines', () => {
    const lines = read('README.md').replace(/\n$/, '').split('\n').length;
    expect(lines).toBeLessThanOrEqual(300);
  });
});
