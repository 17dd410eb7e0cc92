// Credentials that an API text may carry (an integration's error echoing a request), replaced
// before the text is copied anywhere a person pastes it: bearer tokens, JWTs and Neo API keys.

const BEARER = /\bBearer\s+[^\s"'<>,;)]+/gi;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]{4,}/g;
const NEO_KEY = /\bneo_sk_[\w-]+/g;

export function redactCredentials(value: string): string {
  return value
    .replace(BEARER, 'Bearer [redacted]')
    .replace(JWT, '[redacted token]')
    .replace(NEO_KEY, '[redacted key]');
}
