// Security headers sent on every response: the Content-Security-Policy and its companions.
import type { ServerResponse } from 'node:http';
import type { ServerConfig } from './config.ts';

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Origins MSAL talks to: the authority's, and each known authority host over https. */
export function identityProviderOrigins(config: Pick<ServerConfig, 'app'>): string[] {
  const origins = [originOf(config.app.auth.authority)];
  for (const host of config.app.auth.knownAuthorities) origins.push(originOf(`https://${host}`));
  return unique(origins);
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

/**
 * The policy for every response. Inputs are validated origins (see config.ts), so nothing here can
 * inject a directive. `null` apiBaseUrl means the API is proxied on this origin ('self').
 */
export function buildCsp(config: Pick<ServerConfig, 'app' | 'apiBaseUrl'>): string {
  const idp = identityProviderOrigins(config);
  const api = config.apiBaseUrl ? originOf(config.apiBaseUrl) : null;
  const errors = config.app.errorReporting ? originOf(config.app.errorReporting.endpoint) : null;
  const connect = unique(["'self'", api, ...idp, errors]);
  const ancestors = unique(["'self'", ...config.app.embed.allowedParentOrigins]);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    // React and the chart library set `style` attributes; <style> elements stay 'self' only.
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', connect],
    // MSAL's hidden iframe visits the authority and ends on our redirect.html.
    ['frame-src', unique(["'self'", ...idp])],
    ['frame-ancestors', ancestors],
    ['base-uri', ["'self'"]],
    ['form-action', unique(["'self'", ...idp])],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';
export const HSTS = 'max-age=31536000; includeSubDomains';

export type SecurityHeaders = Record<string, string>;

/**
 * The security headers of every response, by name. Pure, so the server (applySecurityHeaders) and
 * the static-host configuration (static-host-config.ts) send exactly the same ones.
 * Strict-Transport-Security only when the browser came over HTTPS (browsers ignore it over http,
 * and it must not be sent for a plain-http deployment). Deliberately absent: X-Frame-Options
 * (cannot express an allow-list; frame-ancestors does) and Cross-Origin-Opener-Policy (MSAL popups
 * and redirect.html / popup-relay.html need their opener).
 */
export function securityHeaders(
  config: Pick<ServerConfig, 'app' | 'apiBaseUrl'>,
  https: boolean,
): SecurityHeaders {
  return {
    ...(https && { 'Strict-Transport-Security': HSTS }),
    'Content-Security-Policy': buildCsp(config),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

/** Sets headers made by securityHeaders() on a response. */
export function applySecurityHeaders(res: ServerResponse, headers: SecurityHeaders): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
