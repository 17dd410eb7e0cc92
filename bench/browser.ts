// The bench's Chromium: trusts the local identity provider's certificate as a person's browser trusts
// Entra's. With `ignoreHTTPSErrors` instead, Chromium keeps nothing from a host whose certificate it
// flags, so every page load would fetch the IdP's discovery document again (MSAL asks for it on
// each load; a browser that trusts the host answers it from its cache for a day).
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/chromium-path.ts';
import { certificateSpkiHash, ensureDevCertificate } from '../local-idp/certs.ts';

export async function launchBenchBrowser(extraArgs: string[] = []) {
  const { cert } = await ensureDevCertificate();
  return chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--ignore-certificate-errors-spki-list=${certificateSpkiHash(cert)}`,
      ...extraArgs,
    ],
  });
}
