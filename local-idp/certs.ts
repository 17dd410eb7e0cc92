// The IdP's development TLS certificate and signing secrets, generated once and kept in .local-dev/idp/.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  X509Certificate,
  type JsonWebKey,
} from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { generate } from 'selfsigned';
import { LOCAL_STATE_DIR } from './settings.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the IdP's state folder; resolved against the repository, not the cwd. */
export const IDP_STATE_DIR = join(REPO_ROOT, LOCAL_STATE_DIR, 'idp');

const TLS_BUNDLE = join(IDP_STATE_DIR, 'tls.json');
const CERT_PATH = join(IDP_STATE_DIR, 'cert.pem');
const SECRETS_PATH = join(IDP_STATE_DIR, 'provider-secrets.json');

const DAY_MS = 24 * 60 * 60 * 1000;
// Browsers refuse leaf certificates valid for more than 398 days.
const CERT_VALIDITY_DAYS = 365;

export type DevCertificate = { key: string; cert: string; certPath: string };
export type ProviderSecrets = { signingJwk: JWK; cookieKeys: string[] };

type TlsBundle = { key: string; cert: string };

/**
 * Returns the development certificate for https://localhost (SAN localhost, 127.0.0.1, ::1),
 * creating it on first use and replacing it when expired, about to expire or unreadable.
 * `certPath` is the PEM certificate to trust (browser import, NODE_EXTRA_CA_CERTS, https `ca`).
 */
export async function ensureDevCertificate(): Promise<DevCertificate> {
  await mkdir(IDP_STATE_DIR, { recursive: true });
  let bundle = await readJson(TLS_BUNDLE, isUsableBundle);
  // Two processes may start at once: the first published certificate wins, so all agree on it.
  bundle ??= await publishOnce(TLS_BUNDLE, await generateBundle(), isUsableBundle);
  const onDisk = await readFile(CERT_PATH, 'utf8').catch(() => undefined);
  if (onDisk !== bundle.cert) await replaceFile(CERT_PATH, bundle.cert);
  return { key: bundle.key, cert: bundle.cert, certPath: CERT_PATH };
}

/**
 * The base64 SHA-256 of a PEM certificate's public key (SPKI): what Chromium's
 * `--ignore-certificate-errors-spki-list` takes to trust that one certificate.
 */
export function certificateSpkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** The RS256 signing key (a private JWK with `kid`) and cookie keys, kept so tokens survive restarts. */
export async function ensureProviderSecrets(): Promise<ProviderSecrets> {
  await mkdir(IDP_STATE_DIR, { recursive: true });
  const existing = await readJson(SECRETS_PATH, isUsableSecrets);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const signingJwk: JWK = {
    ...jwk,
    kid: await calculateJwkThumbprint(jwk),
    alg: 'RS256',
    use: 'sig',
  };
  const fresh = { signingJwk, cookieKeys: [randomBytes(32).toString('base64url')] };
  return publishOnce(SECRETS_PATH, fresh, isUsableSecrets);
}

async function generateBundle(): Promise<TlsBundle> {
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const notAfterDate = new Date(notBeforeDate.getTime() + CERT_VALIDITY_DAYS * DAY_MS);
  const pems = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: 'Sync Runs local identity provider (development)' },
    ],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    },
  );
  return { key: pems.private, cert: pems.cert };
}

function isUsableBundle(value: unknown): value is TlsBundle {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.cert !== 'string') {
    return false;
  }
  try {
    const cert = new X509Certificate(value.cert);
    const now = Date.now();
    return (
      new Date(cert.validFrom).getTime() <= now &&
      new Date(cert.validTo).getTime() > now + DAY_MS &&
      cert.checkHost('localhost') === 'localhost' &&
      cert.checkPrivateKey(createPrivateKey(value.key))
    );
  } catch {
    return false;
  }
}

function isUsableSecrets(value: unknown): value is ProviderSecrets {
  if (!isRecord(value) || !isRecord(value.signingJwk) || !Array.isArray(value.cookieKeys)) {
    return false;
  }
  const jwk = value.signingJwk;
  try {
    createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch {
    return false;
  }
  return (
    jwk.kty === 'RSA' &&
    typeof jwk.kid === 'string' &&
    value.cookieKeys.length > 0 &&
    value.cookieKeys.every((key) => typeof key === 'string' && key.length >= 32)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson<T>(
  path: string,
  accept: (value: unknown) => value is T,
): Promise<T | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return accept(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function tempPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

async function writeTemp(path: string, content: unknown): Promise<string> {
  const temp = tempPath(path);
  const isPublic = path === CERT_PATH;
  const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
  // Private keys live in the JSON files: readable by the owner only. The certificate is public.
  await writeFile(temp, text, { mode: isPublic ? 0o644 : 0o600 });
  return temp;
}

/** Atomically replaces a file, so readers never see half a key. */
async function replaceFile<T>(path: string, content: T): Promise<T> {
  await rename(await writeTemp(path, content), path);
  return content;
}

/** Creates the file unless a usable one exists (maybe written by a parallel start); returns what is in it. */
async function publishOnce<T>(
  path: string,
  content: T,
  accept: (value: unknown) => value is T,
): Promise<T> {
  const temp = await writeTemp(path, content);
  try {
    await link(temp, path);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readJson(path, accept)) ?? replaceFile(path, content);
  } finally {
    await rm(temp, { force: true });
  }
}
