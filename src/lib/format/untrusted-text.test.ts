import { describe, expect, it } from 'vitest';
import { defangUrls, sanitiseUntrustedText, stripControls } from './untrusted-text';

describe('sanitiseUntrustedText', () => {
  it.each([
    ['\x1b[31mred\x1b[0m text', 'red text'],
    ['\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ here', 'click here'],
    ['\x1b]0;window title\x07after', 'after'],
    ['\x1bPdevice control\x1b\\after', 'after'],
    ['8-bit \u009b1mbold\u009b0m \u009d8;;https://e.example\u009clink', '8-bit bold link'],
    ['bell\x07 nul\x00 del\x7f', 'bell nul del'],
    ['zero\u200bwidth \u202eesrever\u202c soft\u00adhyphen', 'zerowidth esrever softhyphen'],
  ])('removes escape and control characters: %j', (text, expected) => {
    expect(stripControls(text)).toBe(expected);
  });

  it.each([
    ['see https://evil.example/x?y=1', 'see hxxps[://]evil[.]example/x?y=1'],
    ['HTTP://EVIL.EXAMPLE', 'HxxP[://]EVIL[.]EXAMPLE'],
    ['ftp://files.example/a', 'ftp[://]files[.]example/a'],
    ['javascript:alert(1) and JaVaScRiPt:x', 'javascript[:]alert(1) and JaVaScRiPt[:]x'],
    ['data:text/html,<b>', 'data[:]text/html,<b>'],
    ['mailto:a@b.example', 'mailto[:]a@b[.]example'],
    ['www.evil.example or evil.co.uk/path', 'www[.]evil[.]example or evil[.]co[.]uk/path'],
    ['host 10.0.0.1:8080', 'host 10[.]0[.]0[.]1:8080'],
    ['evil\u3002example', 'evil[.]example'],
  ])('defangs links: %j', (text, expected) => {
    expect(defangUrls(text)).toBe(expected);
  });

  it('catches full-width and split spellings, redacts credentials and the given secrets', () => {
    expect(sanitiseUntrustedText('ｈｔｔｐｓ：／／ｅｖｉｌ．ｅｘａｍｐｌｅ')).toBe(
      'hxxps[://]evil[.]example',
    );
    expect(sanitiseUntrustedText('htt\u200bps://evil\u200b.example')).toBe(
      'hxxps[://]evil[.]example',
    );
    expect(sanitiseUntrustedText('k neo_\x1b[0msk_live_Abc123')).toBe('k [redacted key]');
    expect(sanitiseUntrustedText('Authorization: Basic dXNlcjpwYXNz\r\nHost: api.example')).toBe(
      'Authorization: [redacted]  Host: api[.]example',
    );
    expect(
      sanitiseUntrustedText('used a/b+c=0123456789 and a%2Fb%2Bc%3D0123456789', {
        secrets: ['a/b+c=0123456789'],
      }),
    ).toBe('used [redacted key] and [redacted key]');
  });

  it('makes one line of several', () => {
    expect(sanitiseUntrustedText('one\ntwo\r\nthree\tfour\u2028five')).toBe(
      'one two  three four five',
    );
  });

  it.each([
    'HaloPSA is failing',
    'The last 3 runs failed (since Nov 28, 10:00).',
    'PSA Contacts has found 0 records in each of the last 5 runs, usually 120 (×0.00).',
    'Ticket Types: Board (444) fails with permission_denied in 3 runs: Access denied, e.g. to v1.2.3',
    'Resolved: 100% of runs OK; Basic authentication disabled',
  ])('leaves the model’s sentence %j unchanged', (text) => {
    expect(sanitiseUntrustedText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const text =
      '\x1b[1mBearer abc\x1b[0m https://u:p@evil.example/?token=x javascript:y mail a@b.example';
    const once = sanitiseUntrustedText(text);
    expect(once).toBe(
      'Bearer [redacted] hxxps[://][redacted]@evil[.]example/?token=[redacted] javascript[:]y mail a@b[.]example',
    );
    expect(sanitiseUntrustedText(once)).toBe(once);
  });
});
