import { describe, expect, it } from 'vitest';
import { certificateSpkiHash } from './certs.ts';

// A throwaway self-signed certificate (no key kept) and its SPKI hash as Chromium's documentation
// computes it: openssl x509 -pubkey -noout | openssl pkey -pubin -outform der
//   | openssl dgst -sha256 -binary | base64
const FIXTURE = `-----BEGIN CERTIFICATE-----
MIIBhDCCASmgAwIBAgIUJD1T00yiTLC8nUNRtiNJMNmOWzkwCgYIKoZIzj0EAwIw
FzEVMBMGA1UEAwwMc3BraS1maXh0dXJlMB4XDTI2MTIwMzA3MTMyMFoXDTM2MTEz
MDA3MTMyMFowFzEVMBMGA1UEAwwMc3BraS1maXh0dXJlMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEa4NvGlrm4Kou8rleZVR2a1QFAnUo6yUv9Z8niUp1g0lrEeBd
P4JUvU9LO/nwyJVH/fk3DlgCIn4gRy7bWcaLSqNTMFEwHQYDVR0OBBYEFLRkqgen
HpT133ga/npjFVcNN5TqMB8GA1UdIwQYMBaAFLRkqgenHpT133ga/npjFVcNN5Tq
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAPk8O1rTLv4wAzVF
r7MZz0QM89dh0iEEn8spWAOLS45SAiEAiTmWEbd82C+Fy9c/SMWUYE9DRs9vzPRC
nHhvfUxcJgQ=
-----END CERTIFICATE-----
`;

describe('certificateSpkiHash', () => {
  it("gives the public key's hash that Chromium's --ignore-certificate-errors-spki-list takes", () => {
    expect(certificateSpkiHash(FIXTURE)).toBe('dswraaL6JZdKL8C5z451POP+x8OGWgqYCvFtovH2bqw=');
  });
});
