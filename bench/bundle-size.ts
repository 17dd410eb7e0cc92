// JavaScript needed for the first screen (entry + modulepreloads of index.html) and in total, gzip.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function bundleSizes(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const size = (files: string[]) =>
    files.reduce(
      (acc, file) => {
        const body = readFileSync(join(dist, file));
        return { raw: acc.raw + body.length, gzip: acc.gzip + gzipSync(body, { level: 9 }).length };
      },
      { raw: 0, gzip: 0 },
    );
  // The signed-in overview also needs the lazily loaded app chunk and what it imports statically.
  const signedIn = new Set(initial);
  const queue = [...initial, ...all.filter((f) => /\/start-[^/]+\.js$/.test(f))];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    signedIn.add(file);
    const body = readFileSync(join(dist, file), 'utf8');
    for (const m of body.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
      const dep = `assets/${m[1]}`;
      if (!signedIn.has(dep)) queue.push(dep);
    }
  }
  const first = size(initial);
  const total = size(all);
  const overview = size([...signedIn]);
  return {
    signedInOverviewKbGzip: kb(overview.gzip),
    firstScreenFiles: initial,
    firstScreenKbGzip: kb(first.gzip),
    firstScreenKbRaw: kb(first.raw),
    totalKbGzip: kb(total.gzip),
    totalKbRaw: kb(total.raw),
  };
}
