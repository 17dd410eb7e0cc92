// Which integrations the demo tenant has, and how each of them behaves.
import {
  KNOWN_INTEGRATIONS,
  type IntegrationKind,
  type IntegrationSlug,
} from '../../../src/lib/integrations/catalog.ts';
import { hudu, itglue } from './documentation.ts';
import type { IntegrationProfile } from './plan.ts';
import { connectwise, halopsa, servicenow } from './psa.ts';
import { datto_rmm, n_central, ninjaone } from './rmm.ts';

/** Connected integrations that run scheduled syncs. */
export const SYNCING_PROFILES: Partial<Record<IntegrationSlug, IntegrationProfile>> = {
  connectwise,
  halopsa,
  ninjaone,
  datto_rmm,
  itglue,
  hudu,
  servicenow,
  n_central,
};

/** A busy tenant's integrations without a profile of their own sync like one of their kind. */
const BY_KIND: Record<IntegrationKind, IntegrationProfile> = {
  PSA: connectwise,
  RMM: ninjaone,
  Documentation: hudu,
  Other: itglue,
};

/** Every known integration syncing: its own profile, or its kind's. */
export function everyProfile(): Record<IntegrationSlug, IntegrationProfile> {
  const all = {} as Record<IntegrationSlug, IntegrationProfile>;
  for (const [slug, known] of Object.entries(KNOWN_INTEGRATIONS) as [
    IntegrationSlug,
    { kind: IntegrationKind },
  ][])
    all[slug] = SYNCING_PROFILES[slug] ?? BY_KIND[known.kind];
  return all;
}

/** Connected, but no scheduled sync (404 integration_does_not_sync). Every other slug is not connected. */
export const CONNECTED_WITHOUT_SYNC: readonly IntegrationSlug[] = ['m365', 'pax8'];
