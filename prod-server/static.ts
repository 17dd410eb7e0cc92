// Serves the built app from DIST_DIR: safe paths, caching, compression, HEAD and the SPA fallback.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { COMPRESSIBLE, TYPES } from './content-types.ts';
import { sendText } from '../server-kit/responses.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Files larger than this are streamed from disk, uncompressed, instead of cached in memory. */
const MAX_CACHED_BYTES = 16 * 1024 * 1024;
const MIN_COMPRESS_BYTES = 256;

/** Cache-Control of the files in DIST_DIR (static-host-config.ts writes the same for a static host). */
export const FILE_CACHE_CONTROL = {
  /** Hashed build output under `assets/`: a new build gives it a new name. */
  asset: 'public, max-age=31536000, immutable',
  /** index.html (also as the SPA fallback) and every other file: revalidated on each use. */
  other: 'no-cache',
} as const;

/** The Cache-Control of the file at `segments` (below the base path). */
export function fileCacheControl(segments: readonly string[]): string {
  return segments[0] === 'assets' ? FILE_CACHE_CONTROL.asset : FILE_CACHE_CONTROL.other;
}

type Encoding = 'br' | 'gzip';
type Entry = {
  mtimeMs: number;
  size: number;
  hash: string;
  raw: Buffer;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
};

export type SafePath = { ok: true; segments: string[] } | { ok: false; status: 400 | 404 };

/**
 * Turns the URL path below the base path (still percent-encoded) into file-system segments.
 * Rejects NUL, backslashes, `.`/`..` in any spelling (decoding first, so `%2e%2e` counts) and
 * dot-files. Never uses WHATWG URL parsing, which would silently resolve `..`.
 */
export function safeSegments(encodedPath: string): SafePath {
  if (/%00|\0/i.test(encodedPath)) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, status: 400 };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404 };
  return { ok: true, segments };
}

function acceptedEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name!.trim(), qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const weight = (name: Encoding) => q.get(name) ?? (q.get('*') || 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

function notModified(req: IncomingMessage, etag: string, mtimeMs: number): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, etag);
  const ims = req.headers['if-modified-since'];
  if (!ims) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  encodedPath: string,
) => Promise<void>;

/**
 * Files never served from DIST_DIR whatever the spelling (`/CONFIG.JSON`, `/%63onfig.json`,
 * `//config.json/`): config.json, which is generated at exactly `<base>config.json`, and source
 * maps unless SYNC_RUNS_SERVE_SOURCEMAPS=1.
 */
function withheld(segments: string[], serveSourceMaps: boolean): boolean {
  const last = (segments.at(-1) ?? '').toLowerCase();
  if (segments.length === 1 && last === 'config.json') return true;
  // Also a compressed copy a deployment may have added beside it (app.js.map.gz, .br, .zst).
  return !serveSourceMaps && /\.map(?:\.(?:gz|br|zst))?$/.test(last);
}

export function createStaticHandler(options: {
  distDir: string;
  serveSourceMaps?: boolean;
}): StaticHandler {
  const cache = new Map<string, Entry>();
  let distRealPath: Promise<string> | null = null;
  const distRoot = () => (distRealPath ??= realpath(options.distDir).catch(() => options.distDir));

  /** The regular file at `segments`, or null; symlinks that leave DIST_DIR count as missing. */
  async function findFile(segments: string[]) {
    const path = join(options.distDir, ...segments);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      const root = await distRoot();
      const real = await realpath(path);
      if (real !== root && !real.startsWith(root + sep)) return null;
      return { path: real, info };
    } catch {
      return null;
    }
  }

  async function load(path: string, mtimeMs: number, size: number): Promise<Entry> {
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached;
    const raw = await readFile(path);
    const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 22);
    const entry: Entry = { mtimeMs, size: raw.length, hash, raw, encoded: {} };
    cache.set(path, entry);
    return entry;
  }

  function encode(entry: Entry, encoding: Encoding): Promise<Buffer> {
    const existing = entry.encoded[encoding];
    if (existing) return existing;
    const job =
      encoding === 'br'
        ? brotliAsync(entry.raw, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: 9,
              [zlib.BROTLI_PARAM_SIZE_HINT]: entry.raw.length,
            },
          })
        : gzipAsync(entry.raw, { level: 9 });
    entry.encoded[encoding] = job;
    return job;
  }

  async function serveFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: { path: string; info: { mtimeMs: number; size: number } },
    cacheControl: string,
    vary: string[],
  ): Promise<void> {
    const ext = extname(file.path).toLowerCase();
    const compressible = COMPRESSIBLE.has(ext);
    if (compressible) vary.push('Accept-Encoding');
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Last-Modified', new Date(file.info.mtimeMs).toUTCString());
    if (vary.length > 0) res.setHeader('Vary', vary.join(', '));

    if (file.info.size > MAX_CACHED_BYTES) {
      const etag = `W/"${file.info.size.toString(36)}-${Math.floor(file.info.mtimeMs).toString(36)}"`;
      res.setHeader('ETag', etag);
      if (notModified(req, etag, file.info.mtimeMs)) return void res.writeHead(304).end();
      res.setHeader('Content-Length', file.info.size);
      if (req.method === 'HEAD') return void res.end();
      await pipeline(createReadStream(file.path), res);
      return;
    }

    const entry = await load(file.path, file.info.mtimeMs, file.info.size);
    const encoding =
      compressible && entry.raw.length >= MIN_COMPRESS_BYTES
        ? acceptedEncoding(req.headers['accept-encoding'])
        : null;
    const etag = `"${entry.hash}${encoding ? `-${encoding}` : ''}"`;
    res.setHeader('ETag', etag);
    if (notModified(req, etag, entry.mtimeMs)) return void res.writeHead(304).end();
    const body = encoding ? await encode(entry, encoding) : entry.raw;
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return async function handleStatic(req, res, encodedPath) {
    const safe = safeSegments(encodedPath);
    if (!safe.ok) {
      return sendText(req, res, safe.status, safe.status === 400 ? 'Bad request' : 'Not found');
    }
    const { segments } = safe;
    if (withheld(segments, options.serveSourceMaps ?? false)) {
      return sendText(req, res, 404, 'Not found');
    }
    const target = segments.length === 0 ? ['index.html'] : segments;
    const file = await findFile(target);
    const isAsset = target[0] === 'assets';
    if (file) return serveFile(req, res, file, fileCacheControl(target), []);
    // SPA fallback: deep links (no file extension) asked for as a page get index.html.
    const last = target[target.length - 1] ?? '';
    const accept = req.headers.accept ?? '';
    const page = !isAsset && !last.includes('.');
    if (page && accept.includes('text/html')) {
      const index = await findFile(['index.html']);
      if (index) return serveFile(req, res, index, fileCacheControl(['index.html']), ['Accept']);
    }
    sendText(req, res, 404, 'Not found', page ? { Vary: 'Accept' } : {});
  };
}
