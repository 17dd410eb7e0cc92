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
  const first = size(initial);
  const total = size(all);
  return {
    firstScreenFiles: initial,
    firstScreenKbGzip: kb(first.gzip),
    firstScreenKbRaw: kb(first.raw),
    totalKbGzip: kb(total.gzip),
    totalKbRaw: kb(total.raw),
  };
}
