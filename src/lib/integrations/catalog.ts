// Display names and kinds of the integrations Neo documents; the slugs are ours (see
// contract/neo-api-facts.md). The one list: the app, the watcher and the API stand-in all read it.

/** An integration as config names it: a slug, optionally with its own display name and kind. */
export type IntegrationRef = { name: string; displayName?: string; kind?: string };

export type IntegrationKind = 'PSA' | 'RMM' | 'Documentation' | 'Other';

type Known = { displayName: string; kind: IntegrationKind };

export const KNOWN_INTEGRATIONS = {
  connectwise: { displayName: 'ConnectWise PSA', kind: 'PSA' },
  autotask: { displayName: 'Autotask', kind: 'PSA' },
  halopsa: { displayName: 'HaloPSA', kind: 'PSA' },
  servicenow: { displayName: 'ServiceNow', kind: 'PSA' },
  ninjaone: { displayName: 'NinjaOne', kind: 'RMM' },
  datto_rmm: { displayName: 'Datto RMM', kind: 'RMM' },
  n_central: { displayName: 'N-able N-central', kind: 'RMM' },
  n_sight: { displayName: 'N-able N-sight', kind: 'RMM' },
  connectwise_automate: { displayName: 'ConnectWise Automate', kind: 'RMM' },
  connectwise_asio: { displayName: 'ConnectWise Asio', kind: 'RMM' },
  kaseya_vsa_x: { displayName: 'Kaseya VSA X', kind: 'RMM' },
  screenconnect: { displayName: 'ScreenConnect', kind: 'RMM' },
  itglue: { displayName: 'IT Glue', kind: 'Documentation' },
  hudu: { displayName: 'Hudu', kind: 'Documentation' },
  confluence: { displayName: 'Confluence', kind: 'Documentation' },
  m365: { displayName: 'Microsoft 365', kind: 'Other' },
  pax8: { displayName: 'Pax8', kind: 'Other' },
} as const satisfies Record<string, Known>;

export type IntegrationSlug = keyof typeof KNOWN_INTEGRATIONS;

/** One of the catalogue's slugs (an own key: "constructor" or "__proto__" is none). */
export function isKnownIntegration(name: string): name is IntegrationSlug {
  return Object.hasOwn(KNOWN_INTEGRATIONS, name);
}

export type IntegrationInfo = { name: string; displayName: string; kind: string };

/** Config overrides the catalog; an unknown slug is shown as itself. */
export function describeIntegration(ref: IntegrationRef): IntegrationInfo {
  const known: Known | undefined = isKnownIntegration(ref.name)
    ? KNOWN_INTEGRATIONS[ref.name]
    : undefined;
  return {
    name: ref.name,
    displayName: ref.displayName ?? known?.displayName ?? ref.name,
    kind: ref.kind ?? known?.kind ?? 'Integration',
  };
}
