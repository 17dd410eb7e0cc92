// Neo's documented integrations and our slugs for them (neo-api-facts.md): the one map to change.
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

export function isKnownIntegration(name: string): name is IntegrationSlug {
  return Object.hasOwn(KNOWN_INTEGRATIONS, name);
}

export function displayName(slug: IntegrationSlug): string {
  return KNOWN_INTEGRATIONS[slug].displayName;
}
