// Which integrations the demo tenant has, and how each of them behaves.
import type { IntegrationSlug } from '../integrations.ts';
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

/** Connected, but no scheduled sync (404 integration_does_not_sync). Every other slug is not connected. */
export const CONNECTED_WITHOUT_SYNC: readonly IntegrationSlug[] = ['m365', 'pax8'];
