import { describe, expect, it } from 'vitest';
import { isIntegrationName } from './integration-name';

describe('an integration name', () => {
  it('is a slug of at most 64 characters that starts with a letter or digit', () => {
    for (const name of [
      'connectwise',
      'datto_rmm',
      'n-central',
      '365',
      'HaloPSA',
      'it-glue.v2',
      'a'.repeat(64),
    ])
      expect(isIntegrationName(name)).toBe(true);
    for (const name of [
      '',
      '.',
      '..',
      '../x',
      'a/b',
      'halo psa',
      '.hidden',
      'a?b',
      'a%2Fb',
      'café',
      '_x',
      'a'.repeat(65),
    ])
      expect(isIntegrationName(name)).toBe(false);
  });
});
