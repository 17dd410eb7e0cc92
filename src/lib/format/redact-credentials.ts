// Credentials that an API text may carry (an integration's error echoing a request), replaced
// before the text is copied, logged or sent anywhere. The one rule set for support evidence,
// the production server's access log, the watcher's logs and its notices; platform-neutral (browser
// code imports it, and so does the server kit). In order:
// 1. a word (no white space) that holds a percent-escape and, decoded (up to three times), would be
//    redacted by the rules below becomes `[redacted]` whole;
// 2. the value of an `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`, `X-Api-Key`,
//    `Api-Key` or `X-Auth-Token` header (`Name: value`, to the end of the line or the closing quote);
// 3. the value of a pair named like a secret (`…token`, `…secret`, `password`, `passwd`, `pwd`,
//    `…api_key`/`apikey`, `access_key`, `private_key`, `credential(s)`, `authorization`,
//    `session_id`, `…signature`) written `name=value`, `name: value` or `"name": "value"`, unless
//    the value is a word that says what became of it (`token: expired`);
// 4. `Bearer <token>`, and `Basic <base64>` when the value does not read as a word;
// 5. JWTs (`eyJ….….…`) and other three-part base64url tokens (16+ characters per part);
// 6. Neo API keys (`neo_sk_…`) and a few well-known key shapes (Slack `xox?-…`, GitHub `gh?_…`,
//    Stripe `sk_live_…`/`rk_live_…`, AWS `AKIA…`);
// 7. the user-info part of a URL (`https://user:password@host` → `https://[redacted]@host`).
// Redacted text is never redacted again differently: the rules are idempotent, and a value already
// replaced by a placeholder (`[redacted…]`, or the error report's `[token]`, `[jwt]`, `[api-key]`)
// is left as it is. Every pattern starts only at the start of a word, so a long text costs linear
// time, not quadratic.

/** A value already replaced: ours, or the error report's placeholders (its scrub runs first). */
const PLACED = String.raw`\[(?:redacted|token\]|jwt\]|api-key\])`;

const VALUE = String.raw`(?:"[^"\r\n]*"?|'[^'\r\n]*'?|(?:(?:bearer|basic|token|digest)[ \t]+)?[^\s"'<>,;&)]+)`;

const HEADER = new RegExp(
  String.raw`(?<![\w-])((?:proxy-)?authorization|set-cookie|cookie|x-api-key|api-key|x-auth-token)(["']?[ \t]*:(?![ \t]*(?:bearer[ \t]+)?${PLACED})[ \t]*)(?:"[^"\r\n]*"?|'[^'\r\n]*'?|[^\r\n]*)`,
  'gi',
);
/** What a credential's name says: the one list for a `name=value` pair, a field, a parameter. */
const CREDENTIAL_NAME = String.raw`(?:token|secret|password|passwd|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|authorization|session[_-]?id|signature)`;
const PAIR = new RegExp(
  String.raw`(?<![\w-])([\w-]*?${CREDENTIAL_NAME})(["']?[ \t]*[:=](?![ \t]*(?:bearer[ \t]+)?${PLACED})[ \t]*)${VALUE}`,
  'gi',
);
const NAME = new RegExp(`${CREDENTIAL_NAME}|pass$`, 'i');
const BEARER = new RegExp(String.raw`\bBearer(?:\s|%20|\+)+(?!${PLACED})[^\s"'<>,;)]+`, 'gi');
const BASIC = /\bBasic(?:\s|%20|\+)+([A-Za-z0-9+/]{8,}={0,2})(?![\w+/=])/gi;
const JWT = /(?<![\w-])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const THREE_PART = /(?<![\w-])[\w-]{16,}\.[\w-]{16,}\.[\w-]{16,}/g;
const NEO_KEY = /neo_sk_[\w-]+/gi;
const KNOWN_KEYS =
  /\b(?:xox[abposr]-[\w-]{8,}|gh[pousr]_[A-Za-z0-9]{20,}|[sr]k_live_[A-Za-z0-9]{8,}|AKIA[0-9A-Z]{16})/g;
const USER_INFO = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)(?!\[redacted\]@)[^\s/?#@<>"']+@/gi;
const PERCENT_WORD = /(?<!\S)\S*%[0-9A-Fa-f]{2}\S*/g;

// Words that say what became of a secret, not the secret ("Refresh token: expired"): kept, so an
// on-call reader still learns what failed.
const STATE_WORD =
  /^["']?(?:expired|invalid|missing|revoked|required|empty|null|none|undefined|unknown|wrong|incorrect|denied|not|is|was|has)["']?[.!:]?$/i;

function pairValue(match: string, name: string, separator: string): string {
  const value = match.slice(name.length + separator.length);
  return STATE_WORD.test(value) ? match : `${name}${separator}[redacted]`;
}

/** A base64 value after `Basic`, unless it reads as a word ("Basic authentication"). */
function basicValue(match: string, value: string): string {
  const word = /^[A-Z]?[a-z]+$/.test(value);
  return word ? match : 'Basic [redacted]';
}

function redactPlain(value: string): string {
  return value
    .replace(HEADER, '$1$2[redacted]')
    .replace(PAIR, pairValue)
    .replace(BEARER, 'Bearer [redacted]')
    .replace(BASIC, basicValue)
    .replace(JWT, '[redacted token]')
    .replace(THREE_PART, '[redacted token]')
    .replace(NEO_KEY, '[redacted key]')
    .replace(KNOWN_KEYS, '[redacted key]')
    .replace(USER_INFO, '$1[redacted]@');
}

function decodeOnce(word: string): string {
  try {
    return decodeURIComponent(word.replace(/\+/g, ' '));
  } catch {
    // A lone `%` or a broken sequence: decode what decodes.
    return word.replace(/%[0-9A-Fa-f]{2}/g, (escape) => {
      try {
        return decodeURIComponent(escape);
      } catch {
        return escape;
      }
    });
  }
}

/** A percent-encoded word that hides a credential is redacted whole. */
function redactEncoded(word: string): string {
  let decoded = word;
  for (let round = 0; round < 3 && /%[0-9A-Fa-f]{2}/.test(decoded); round += 1) {
    decoded = decodeOnce(decoded);
    if (redactPlain(decoded) !== decoded) return '[redacted]';
  }
  return word;
}

export function redactCredentials(value: string): string {
  return redactPlain(value.replace(PERCENT_WORD, redactEncoded));
}

/**
 * Whether a field, parameter or header name is a credential's (`apiKey`, `client_secret`,
 * `Authorization`, `refreshToken`, `smtpPass`, `X-Signature` …): its value is never shown, whatever
 * it looks like. The same names as rule 3, plus a name ending in `pass`.
 */
export function isCredentialName(name: string): boolean {
  return NAME.test(name);
}

/** Whether a text holds something the rules above would redact (a token, a key, a secret pair). */
export function containsCredential(value: string): boolean {
  return redactCredentials(value) !== value;
}
