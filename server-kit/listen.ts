// Listening, for both services: resolves with the bound port (0 picks a free one), rejects with
// the error (EADDRINUSE…) instead of throwing it at the process.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const WILDCARDS = new Set(['', '0.0.0.0', '::']);

/** A host as a URL spells it (`[::1]`); a wildcard address becomes `wildcardAs` when given. */
export function urlHost(host: string, wildcardAs?: string): string {
  const name = wildcardAs !== undefined && WILDCARDS.has(host) ? wildcardAs : host;
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}
