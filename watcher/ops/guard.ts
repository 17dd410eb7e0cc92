// Who the ops endpoint answers: requests addressed to this machine or to a configured name (a page
// on another site that rebinds its own name to 127.0.0.1 sends its own name as Host and is refused),
// and, for anything beyond liveness, readiness and metrics, a bearer token compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../../src/lib/api/url-rule.ts';

/** Routes for probes and scrapers: open to any allowed Host, without the token. */
export const OPEN_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/** The listening address reaches only this machine (127.0.0.0/8, ::1 or localhost). */
export function isLoopbackBind(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

const HOST_HEADER = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

/** The Host header names this machine or one of `allowed` (lowercase, without port). */
export function isAllowedHost(header: string | undefined, allowed: readonly string[]): boolean {
  const match = HOST_HEADER.exec(header ?? '');
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  return isLoopbackHost(name) || allowed.includes(name);
}

/** The names a request may use besides loopback: the configured ones, and a specific bound address. */
export function servedHostNames(bind: string, allowed: readonly string[]): string[] {
  const bare = bind.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === '' || bare === '0.0.0.0' || bare === '::') return [...allowed];
  return [...allowed, bare.includes(':') ? `[${bare}]` : bare];
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** `Authorization: Bearer <token>`, compared without leaking how much of it matched. */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export class OpsTokenMissingError extends Error {
  constructor(host: string, tokenEnv: string) {
    super(
      `The ops endpoint will not listen on ${host} without a bearer token: that address is ` +
        `reachable beyond this machine and /notices shows notice content. Set ${tokenEnv} ` +
        `(at least 32 characters), or listen on 127.0.0.1.`,
    );
    this.name = 'OpsTokenMissingError';
  }
}

/** Where a client on this machine reaches the endpoint (a wildcard address becomes loopback). */
export function opsClientUrl(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const local = bare === '0.0.0.0' || bare === '' ? '127.0.0.1' : bare === '::' ? '::1' : bare;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}`;
}
