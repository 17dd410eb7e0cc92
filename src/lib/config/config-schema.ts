// The shape of config.json, in one place for the browser (app-config.ts) and the production server
// (prod-server/config.ts, which generates or serves the file). Only zod here: no React, DOM, Vite
// or browser state, so Node loads it as it is. Browser-only set-up (zod's jitless mode) stays in
// the browser's modules.
import { z } from 'zod';

import {
  HTTPS_OR_LOOPBACK_MESSAGE,
  httpsOrLoopbackProblem,
  isHttpsOrLoopbackUrl,
} from '@/lib/api/url-rule';
import { INTEGRATION_NAME } from '@/lib/api/integration-name';

// One rule each for every runtime: the watcher imports them from lib/api too.
export {
  HTTPS_OR_LOOPBACK_MESSAGE,
  isHttpsOrLoopbackUrl,
  LOOPBACK_HOSTS,
} from '@/lib/api/url-rule';
export { INTEGRATION_NAME } from '@/lib/api/integration-name';

const DNS_NAME =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** host[:port] with a DNS name, IPv4 or bracketed IPv6 address; never a wildcard. */
export function isHostPort(value: string): boolean {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return false;
  const [, host = '', port] = match;
  if (port !== undefined && Number(port) > 65535) return false;
  return host.startsWith('[') || DNS_NAME.test(host);
}

export const ORIGIN_MESSAGE =
  'is not an exact origin like https://portal.example.com (no path, no wildcard, no trailing slash)';

/**
 * Why an embedding origin is not usable, or null. The widget compares the parent's origin with it
 * exactly, and the server writes it into CSP frame-ancestors: anything else would never match (or,
 * with a `*`, match too much).
 */
export function originProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return ORIGIN_MESSAGE;
  }
  // WHATWG URL accepts `*` in a host name; CSP would read it as a wildcard.
  if (url.origin !== value || !isHostPort(url.host)) return ORIGIN_MESSAGE;
  return isHttpsOrLoopbackUrl(value) ? null : HTTPS_OR_LOOPBACK_MESSAGE;
}

/** Messages read after the field's name ("auth.clientId: is required"); else zod's own. */
function messages(invalid?: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : invalid),
  };
}

/** `abort`: what is not a URL at all gets one problem, not one from each refinement too. */
const url = () => z.url({ abort: true, ...messages('is not a URL') });

const httpsOrLoopbackUrl = url().superRefine((value, ctx) => {
  const problem = httpsOrLoopbackProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
});

const nonEmpty = (message: string) => z.string(messages()).min(1, message);

export const integrationEntrySchema = z
  .union([
    nonEmpty('must not be empty'),
    z.object({
      name: nonEmpty('must not be empty'),
      displayName: nonEmpty('must not be empty').optional(),
      kind: nonEmpty('must not be empty').optional(),
    }),
  ])
  .superRefine((entry, ctx) => {
    const name = typeof entry === 'string' ? entry : entry.name;
    if (!INTEGRATION_NAME.test(name))
      ctx.addIssue({
        code: 'custom',
        message: 'is not an integration name',
        path: typeof entry === 'string' ? [] : ['name'],
        input: name,
      });
  });

export type IntegrationEntry = z.infer<typeof integrationEntrySchema>;

export const appConfigSchema = z.object({
  apiBaseUrl: httpsOrLoopbackUrl,
  auth: z.object(
    {
      clientId: nonEmpty('is required'),
      authority: url().refine(
        (v) => v.startsWith('https://'),
        'must be an https:// URL (MSAL requires it)',
      ),
      knownAuthorities: z
        .array(
          nonEmpty('must not be empty').refine(
            (host) => host === '' || isHostPort(host),
            'is not a host name (host[:port])',
          ),
        )
        .default([]),
      scopes: z
        .array(nonEmpty('must not be empty'), messages())
        .min(1, 'needs at least the API scope'),
    },
    messages(),
  ),
  integrations: z
    .array(integrationEntrySchema, messages())
    .min(1, 'list at least one integration name'),
  embed: z
    .object({
      allowedParentOrigins: z
        .array(
          z.string(messages()).superRefine((origin, ctx) => {
            const problem = originProblem(origin);
            if (problem) ctx.addIssue({ code: 'custom', message: problem, input: origin });
          }),
        )
        .default([]),
    })
    .default({ allowedParentOrigins: [] }),
  /** Off unless set: where client-side errors are POSTed (see docs/deployment.md, "Error reporting"). */
  errorReporting: z.object({ endpoint: httpsOrLoopbackUrl }).optional(),
  /** Temporal Web UI base (e.g. https://temporal.example/namespaces/neo): ids become links. */
  temporalUiUrl: httpsOrLoopbackUrl.optional(),
  /** Loading tuning: how many time slices of a window to fetch in parallel (1 = one cursor chain). */
  fetch: z
    .object({ maxParallelSlices: z.int().min(1).max(12).default(6) })
    .default({ maxParallelSlices: 6 }),
  /**
   * Finished runs kept in this browser between visits, encrypted, for the signed-in account only
   * (docs/browser-storage.md, "Runs kept between visits"). `false` keeps nothing: every visit reads the API again.
   */
  runCache: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
});

/** A validated config.json, defaults filled in. */
export type AppConfig = z.infer<typeof appConfigSchema>;
