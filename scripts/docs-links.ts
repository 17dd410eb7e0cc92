// Reading Markdown as GitHub does, for the documentation's link check (docs-links.test.ts): which
// links point into the repository, and which ids its headings get.

export type RelativeLink = { target: string; line: number };

const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const FENCE = /^\s{0,3}(```|~~~)/;
const INLINE_CODE = /(`+)[\s\S]*?\1/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Links and images to files of the repository (and `#anchors` in the same file), outside code. */
export function relativeLinks(markdown: string): RelativeLink[] {
  const links: RelativeLink[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, index) => {
    if (FENCE.test(text)) fenced = !fenced;
    if (fenced || FENCE.test(text)) return;
    const line = text.replace(INLINE_CODE, '');
    const targets = [...line.matchAll(INLINE_LINK)].map((m) => m[1] ?? '');
    const definition = REFERENCE_DEFINITION.exec(line)?.[1];
    if (definition) targets.push(definition);
    for (const target of targets)
      if (target !== '' && !SCHEME.test(target) && !target.startsWith('//'))
        links.push({ target, line: index + 1 });
  });
  return links;
}

/** A heading's text as rendered: no link syntax, code ticks or emphasis markers. */
function headingText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_](.+?)[*_](?=[^\p{L}\p{N}]|$)/gu, '$1$2')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/** GitHub's id for a heading (github-slugger): lowercase, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  return headingText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The ids of every ATX heading in a document, repeated ones numbered as GitHub does (`x`, `x-1`). */
export function githubSlugs(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const slugs = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
    if (!heading?.[1]) continue;
    const base = githubSlug(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.add(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}
