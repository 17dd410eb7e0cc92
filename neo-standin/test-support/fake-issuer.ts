// A tiny HTTPS issuer for tests: a self-signed certificate, an Entra-shaped discovery document and
// a JWKS, plus a signer for tokens with the claims the local identity provider puts in them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { generate } from 'selfsigned';
import {
  API_AUDIENCE,
  API_SCOPE_NAME,
  DASHBOARD_CLIENT_ID,
  DEMO_TENANT_ID,
} from '../../local-idp/settings.ts';

export async function createCertificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export type FakeIssuer = {
  issuer: string;
  /** Where the issuer's certificate is written by `writeCertificate` (absent until then). */
  caFile: string;
  writeCertificate(): void;
  sign(claims?: JWTPayload, header?: { typ?: string; kid?: string }): Promise<string>;
  close(): Promise<void>;
};

export async function startFakeIssuer(): Promise<FakeIssuer> {
  const tls = await createCertificate();
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const dir = mkdtempSync(join(tmpdir(), 'standin-issuer-'));
  const caFile = join(dir, 'cert.pem');
  const path = `/${DEMO_TENANT_ID}/v2.0`;
  let issuer = '';

  const server = createServer(tls, (req, res) => {
    const body =
      req.url === `${path}/.well-known/openid-configuration`
        ? { issuer, jwks_uri: `${issuer}/discovery/v2.0/keys` }
        : req.url === `${path}/discovery/v2.0/keys`
          ? { keys: [jwk] }
          : null;
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not_found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

  return {
    issuer,
    caFile,
    writeCertificate: () => writeFileSync(caFile, tls.cert),
    sign: (claims = {}, header = {}) =>
      new SignJWT({
        scp: API_SCOPE_NAME,
        azp: DASHBOARD_CLIENT_ID,
        tid: DEMO_TENANT_ID,
        ver: '2.0',
        ...claims,
      })
        .setProtectedHeader({
          alg: 'RS256',
          kid: header.kid ?? 'test-key',
          typ: header.typ ?? 'at+jwt',
        })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
        .setAudience(claims.aud ?? API_AUDIENCE)
        .setSubject('user-1')
        .setIssuedAt(typeof claims.iat === 'number' ? claims.iat : undefined)
        .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : '10m')
        .sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
