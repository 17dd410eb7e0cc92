// A fetch for the identity provider's discovery document and keys that trusts exactly one
// certificate (the local IdP's self-signed one), read on every call because the IdP may create
// it after the stand-in starts. TLS verification is never switched off.
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';

export type CaFetch = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

const TIMEOUT_MS = 5_000;

export function createCaFetch(caFile: string): CaFetch {
  return async (url, init = {}) => {
    const ca = await readFile(caFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(
        error.code === 'ENOENT'
          ? `the identity provider's certificate ${caFile} does not exist yet (is the IdP running?)`
          : `cannot read the identity provider's certificate ${caFile}: ${error.message}`,
      );
    });
    const target = new URL(url);
    if (target.protocol !== 'https:')
      throw new Error(`refusing to fetch keys over ${target.protocol}`);
    const signal = init.signal ?? AbortSignal.timeout(TIMEOUT_MS);
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        target,
        { method: 'GET', ca, signal, headers: { accept: 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              if (typeof value === 'string') headers.set(name, value);
            const status = res.statusCode ?? 502;
            const body = [204, 205, 304].includes(status) ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status: status >= 200 ? status : 502, headers }));
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  };
}
