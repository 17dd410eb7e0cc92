// `npm run idp`: runs the local identity provider on its own (IDP_PORT, APP_ORIGINS, IDP_ACCESS_TOKEN_TTL).
import { startIdp } from './idp.ts';
import { DEFAULT_IDP_PORT, DEMO_USER } from './settings.ts';

const DEFAULT_APP_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}".`);
  }
  return value;
}

const port = positiveInteger('IDP_PORT', DEFAULT_IDP_PORT);
const appOrigins = (process.env.APP_ORIGINS ?? DEFAULT_APP_ORIGINS.join(','))
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);
const accessTokenTtlSeconds = positiveInteger('IDP_ACCESS_TOKEN_TTL', 3600);

const idp = await startIdp({ port, appOrigins, accessTokenTtlSeconds });

console.log(`
  Local identity provider (development stand-in for Microsoft Entra ID)

  Issuer               ${idp.issuer}
  Authority (MSAL)     ${idp.authority}
  App origins          ${appOrigins.join(', ')}
  Access token TTL     ${accessTokenTtlSeconds} s
  Certificate          ${idp.certPath}

  Sign in with         ${DEMO_USER.username}
  Password             ${DEMO_USER.password}

  If your browser warns about the certificate, open ${idp.url} once and accept the development certificate.

  Press Ctrl+C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void idp.close().then(() => process.exit(0));
  });
}
