import { describe, expect, it } from 'vitest';
import { isIntegrationName } from './integration-name';

describe('an integration name', () => {
  it('is a lowercase slug of at most 64 characters', () => {
    for (const name of ['connectwise', 'datto_rmm', 'n-central', '365', 'a'.repeat(64)])
      expect(isIntegrationName(name)).toBe(true);
    for (const name of [
      '',
      '.',
      '..',
      '../x',
      'a/b',
      'halo psa',
      'HaloPSA',
      'a.b',
      '_x',
      'a'.repeat(65),
    ])
      expect(isIntegrationName(name)).toBe(false);
  });
});
