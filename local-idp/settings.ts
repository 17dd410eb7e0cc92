/**
 * The local identity provider's fixed facts, shared by the IdP, the Neo API stand-in
 * (which verifies its tokens) and the dev/test config of the dashboard.
 * Entra-shaped on purpose: a tenant GUID in the issuer path, GUID client ids, an
 * `api://` audience with a delegated scope.
 */
export const DEMO_TENANT_ID = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';
export const DASHBOARD_CLIENT_ID = '3b9e6f2a-7c41-4d8e-9a15-2f6c8b0d4e71';
/** The embedding portal's own app registration (used by the embed demo host). */
export const PORTAL_CLIENT_ID = '8d2a4c6e-1f3b-4a5c-9e7d-6b8f0a2c4e13';
export const API_AUDIENCE = 'api://neo-public-api';
export const API_SCOPE_NAME = 'access_as_user';
export const API_SCOPE = `${API_AUDIENCE}/${API_SCOPE_NAME}`;

export const DEMO_USER = {
  username: 'megan.bowen@contoso-msp.example',
  password: 'SyncRuns-demo-2026',
  name: 'Megan Bowen',
  oid: 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
} as const;

export const DEFAULT_IDP_PORT = 8443;

export function idpAuthority(port: number = DEFAULT_IDP_PORT): string {
  return `https://localhost:${port}/${DEMO_TENANT_ID}`;
}

export function idpIssuer(port: number = DEFAULT_IDP_PORT): string {
  return `${idpAuthority(port)}/v2.0`;
}

/** Where the IdP keeps its generated development certificate and signing key (git-ignored). */
export const LOCAL_STATE_DIR = '.local-dev';
