// Untrusted API text (error messages, resource and activity labels) made safe to show anywhere a
// person reads it: a chat message, an email, a terminal. Platform-neutral. In order:
// 1. Unicode NFKC (full-width `ｈｔｔｐｓ：／／` becomes `https://`, so it is caught below);
// 2. terminal escape sequences removed whole (ANSI CSI such as colours, OSC such as OSC-8
//    hyperlinks and window titles, DCS/SOS/PM/APC strings, 7-bit and 8-bit forms), then every
//    other control character except line breaks and tabs, and every invisible format character
//    (zero-width spaces and joiners, bidi overrides, soft hyphens);
// 3. the caller's own secrets (e.g. the watcher's API key), also percent-encoded, become
//    `[redacted key]`; then the shared credential rules (redact-credentials.ts);
// 4. line breaks and tabs become spaces: the result is one line;
// 5. URLs are defanged so no chat or mail client turns them into links: `scheme://` becomes
//    `scheme[://]` (`http`/`https` become `hxxp`/`hxxps`), a linkable scheme without slashes
//    (`javascript:`, `data:`, `mailto:` …) becomes `javascript[:]`, and every dot of a host name,
//    e-mail domain or IPv4 address becomes `[.]` (`evil[.]example`). Text with none of these
//    is unchanged, and sanitising twice gives the same text.
// Markup is not touched here: each channel still escapes the result for its own markup.
import { redactCredentials } from './redact-credentials';

const SEQUENCES = new RegExp(
  [
    String.raw`(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?`, // CSI: colours, cursor moves
    String.raw`(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?`, // OSC, DCS, SOS, PM, APC strings
    String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]?`, // any other escape
  ].join('|'),
  'g',
);
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\p{Cf}/gu;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/g;

const SCHEME_SLASHES = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*):[/\\]{2}/gi;
const LINKABLE_SCHEMES =
  /(?<![\w.+-])(javascript|vbscript|livescript|data|file|mailto|tel|sms|callto|skype|msteams|slack|intent|https?|s?ftps?|wss?):/gi;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?`;
const HOST = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.\u3002-])${LABEL}(?:[.\u3002]${LABEL})*[.\u3002]\p{L}[\p{L}\p{N}-]*[\p{L}\p{N}](?![\p{L}\p{N}_-])`,
  'gu',
);
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

const defangScheme = (scheme: string) => scheme.replace(/^(h)tt(ps?)$/i, '$1xx$2');

/** Removes terminal escape sequences, control and invisible format characters; keeps line breaks. */
export function stripControls(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}

/** Turns URLs, host names, e-mail domains and IPv4 addresses into forms no client links. */
export function defangUrls(text: string): string {
  return text
    .replace(SCHEME_SLASHES, (_m, scheme: string) => `${defangScheme(scheme)}[://]`)
    .replace(LINKABLE_SCHEMES, (_m, scheme: string) => `${defangScheme(scheme)}[:]`)
    .replace(HOST, (host) => host.replace(/[.\u3002]/g, '[.]'))
    .replace(IPV4, (ip) => ip.replace(/\./g, '[.]'));
}

function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const plain = secret.normalize('NFKC');
    // Too short to be told apart from ordinary words; the credential rules still apply.
    if (plain.length < 8) continue;
    for (const form of new Set([plain, encodeURIComponent(plain)]))
      out = out.split(form).join('[redacted key]');
  }
  return out;
}

export type UntrustedTextOptions = {
  /** Values that must never appear, whatever their shape (e.g. the API key in use). */
  secrets?: readonly string[];
};

/** Untrusted API text as one safe line of plain text (see the rules above). */
export function sanitiseUntrustedText(text: string, options: UntrustedTextOptions = {}): string {
  const visible = stripControls(text.normalize('NFKC'));
  const redacted = redactCredentials(redactSecrets(visible, options.secrets ?? []));
  return defangUrls(redacted.replace(LINE_BREAKS, ' '));
}
