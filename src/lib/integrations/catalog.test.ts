import { expect, it } from 'vitest';
import { KNOWN_INTEGRATIONS } from '../../../neo-standin/core/index.ts';
import { describeIntegration } from './catalog';

it('names every integration the API stand-in knows the same way (the two lists cannot drift)', () => {
  for (const [name, known] of Object.entries(KNOWN_INTEGRATIONS)) {
    expect(describeIntegration({ name })).toEqual({ name, ...known });
  }
});

it('shows an unknown slug as itself, and lets config override the name and kind', () => {
  expect(describeIntegration({ name: 'acme_psa' })).toEqual({
    name: 'acme_psa',
    displayName: 'acme_psa',
    kind: 'Integration',
  });
  expect(describeIntegration({ name: 'itglue', displayName: 'IT Glue (EU)' })).toMatchObject({
    displayName: 'IT Glue (EU)',
    kind: 'Documentation',
  });
});
