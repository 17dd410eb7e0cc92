// Test support: API text written to abuse a notice (credentials to leak, terminal escapes, links to
// plant, markup to inject) and the check that a delivered or printed text carries none of it.
import type { Notice } from '../notice.ts';
import { makeNotice } from '../test-support.ts';

export const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiIsImlhdCI6MTcwMDAwMDAwMH0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
export const NEO_KEY = 'neo_sk_live_H0stileCorpusKey1234';
const BASIC = 'dXNlcjpwYXNzd29yZA=='; // user:password
const OPAQUE = 'opaque-secret-value-998877';
const PASSWORD = 'hunter2pass';
const URL_PASSWORD = 's3cretpass';

/** One entry per way an integration's error or label can be hostile. */
export const HOSTILE_TEXTS: readonly string[] = [
  `401 Unauthorized for Bearer ${JWT}`,
  `request failed: Authorization: Basic ${BASIC}\r\nHost: api.vendor.example`,
  `{"headers":{"Authorization":"Bearer ${NEO_KEY}","Accept":"json"}}`,
  `GET https://api.vendor.example/v1/tickets?api_key=${OPAQUE}&page=2 -> 403`,
  `callback https%3A%2F%2Fx.example%2F%3Ftoken%3D${OPAQUE} refused`,
  `key ${NEO_KEY.replace(/_/g, '%5F')} refused`,
  `password=${PASSWORD} user=admin; client_secret: "${OPAQUE}"`,
  `\x1b[31mRED\x1b[0m \x1b]8;;https://evil.example/phish\x1b\\click here\x1b]8;;\x1b\\ \x1b]0;owned title\x07 done`,
  `split key neo_\x1b[0msk_live_H0stile\u200bCorpusKey1234`,
  `8-bit \u009b31mred\u009b0m and \u009d8;;https://evil.example/\u009clink\u009d8;;\u009c`,
  'javascript:alert(document.cookie) JaVaScRiPt:alert(1) data:text/html;base64,PHNjcmlwdD4=',
  'Verify at https://login.micros0ft-support.example/reset?u=admin or www.evil.example or evil.example/pay, mail admin@evil.example',
  '[click](https://evil.example) **bold** _it_ <https://evil.example|Slack link> <!channel> <@U123>',
  '<a href="https://evil.example">HTML link</a><img src=x onerror=alert(1)><script>alert(1)</script>',
  'ｈｔｔｐｓ：／／ｅｖｉｌ．ｅｘａｍｐｌｅ and zero\u200bwidth https\u200b://evil\u200b.example, bidi \u202egnp.exe\u202c',
  `https://admin:${URL_PASSWORD}@evil.example/ and http://10.0.0.1:8080/admin or 192.168.1.1`,
  'line one\nline two\r\n2026-01-01T00:00:00Z  Fake history line  [hooks:sent]',
];

/** Credential material that must never be delivered, in any of these spellings. */
export const FORBIDDEN: readonly string[] = [
  JWT.split('.')[1]!,
  JWT.split('.')[2]!,
  'neo_sk_',
  NEO_KEY.slice('neo_sk_'.length),
  BASIC,
  OPAQUE,
  PASSWORD,
  URL_PASSWORD,
];

/** A host, address or scheme that a chat or mail client would make a link of. */
const LINKABLE =
  /\b(?:https?|javascript|data|vbscript|file|mailto)\s*:|www\.evil|(?:evil|vendor|x|micros0ft-support)\.example|10\.0\.0\.1|192\.168\.1\.1/i;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\p{Cf}|\\u00(?:1b|9b|9d)/iu;

/**
 * What is wrong with a delivered or printed text: a forbidden credential, a control or escape
 * character, or a linkable URL, host or scheme outside the `allowed` strings (the dashboard link).
 * Line breaks are allowed: a body has its own lines; API text within it is checked to be one line
 * by the callers that can tell it apart.
 */
export function problemsIn(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const keep of allowed) rest = rest.split(keep).join(' ');
  const problems: string[] = [];
  for (const secret of FORBIDDEN)
    if (rest.includes(secret) || rest.includes(encodeURIComponent(secret)))
      problems.push(`credential ${secret}`);
  const control = CONTROL.exec(rest);
  if (control) problems.push(`control character ${JSON.stringify(control[0])}`);
  const link = LINKABLE.exec(rest);
  if (link)
    problems.push(`linkable ${JSON.stringify(rest.slice(link.index - 20, link.index + 40))}`);
  return problems;
}

export function hostileNotice(text: string, overrides: Partial<Notice> = {}): Notice {
  return makeNotice({
    key: 'hostile|halopsa|sig:abc|signature-opened|2026-11-28T10:00:00.000Z',
    kind: 'signature-opened',
    activity: text,
    title: `HaloPSA: ${text} is failing`,
    text: `Tickets: Board (444) fails with permission_denied in 3 runs: ${text}`,
    since: '2026-11-28T10:00:00.000Z',
    link: 'https://dash.example/integrations/halopsa?since=2026-11-28T09%3A00%3A00.000Z&sig=abc',
    ...overrides,
  });
}

/** Every hostile text as one notice, and all of them as one digest (its items). */
export function hostileNotices(): { notices: Notice[]; digest: Notice } {
  const notices = HOSTILE_TEXTS.map((text, i) => hostileNotice(text, { key: `hostile-${i}` }));
  const digest = hostileNotice('digest', {
    key: 'hostile-digest',
    kind: 'digest',
    integration: null,
    integrationName: null,
    activity: null,
    title: `${notices.length} changes in 1 integration`,
    text: notices.map((n) => `${n.title}: ${n.text}`).join('\n'),
    since: null,
    items: notices,
  });
  return { notices, digest };
}
