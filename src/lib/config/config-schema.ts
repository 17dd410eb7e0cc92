// The shape of config.json, in one place for the browser (app-config.ts) and the production server
// (prod-server/config.ts, which generates or serves the file). Only zod here: no React, DOM, Vite
// or browser state, so Node loads it as it is. Browser-only set-up (zod's jitless mode) stays in
// the browser's modules.
import { z } from 'zod';

/** Hosts that may be reached over plain http. `URL.hostname` keeps IPv6 brackets: `[::1]`. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export const HTTPS_OR_LOOPBACK_MESSAGE =
  'must be an https:// URL (http:// is allowed only for localhost, 127.0.0.1 and [::1])';

/** The rule for every URL the app is pointed at: https://, or http:// only for a loopback host. */
export function isHttpsOrLoopbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
}

/** Messages read after the field's name ("auth.clientId: is required"); else zod's own. */
function messages(invalid?: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : invalid),
  };
}

/** `abort`: what is not a URL at all gets one problem, not one from each refinement too. */
const url = () => z.url({ abort: true, ...messages('is not a URL') });

const httpsOrLoopbackUrl = url().refine(isHttpsOrLoopbackUrl, HTTPS_OR_LOOPBACK_MESSAGE);

const nonEmpty = (message: string) => z.string(messages()).min(1, message);

export const integrationEntrySchema = z.union([
  nonEmpty('must not be empty'),
  z.object({
    name: nonEmpty('must not be empty'),
    displayName: nonEmpty('must not be empty').optional(),
    kind: nonEmpty('must not be empty').optional(),
  }),
]);

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
      knownAuthorities: z.array(nonEmpty('must not be empty')).default([]),
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
    .object({ allowedParentOrigins: z.array(url()).default([]) })
    .default({ allowedParentOrigins: [] }),
  /** Off unless set: where client-side errors are POSTed (see README, "Error reporting"). */
  errorReporting: z.object({ endpoint: httpsOrLoopbackUrl }).optional(),
  /** Temporal Web UI base (e.g. https://temporal.example/namespaces/neo): ids become links. */
  temporalUiUrl: httpsOrLoopbackUrl.optional(),
  /** Loading tuning: how many time slices of a window to fetch in parallel (1 = one cursor chain). */
  fetch: z
    .object({ maxParallelSlices: z.int().min(1).max(12).default(6) })
    .default({ maxParallelSlices: 6 }),
});

/** A validated config.json, defaults filled in. */
export type AppConfig = z.infer<typeof appConfigSchema>;
