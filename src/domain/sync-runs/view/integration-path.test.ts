import { describe, expect, it } from 'vitest';
import { integrationPath } from './integration-path';

describe('integrationPath', () => {
  it('encodes the name, so it stays one path segment of the integration page', () => {
    expect(integrationPath('halopsa')).toBe('/integrations/halopsa');
    expect(integrationPath('a/b?c#d e%')).toBe('/integrations/a%2Fb%3Fc%23d%20e%25');
    expect(new URL(integrationPath('x/../../admin'), 'https://dash.example').pathname).toBe(
      '/integrations/x%2F..%2F..%2Fadmin',
    );
  });

  it('adds the query only when there is one', () => {
    expect(integrationPath('halopsa', new URLSearchParams({ tz: 'utc' }))).toBe(
      '/integrations/halopsa?tz=utc',
    );
    expect(integrationPath('halopsa', new URLSearchParams())).toBe('/integrations/halopsa');
    expect(integrationPath('halopsa', '')).toBe('/integrations/halopsa');
  });
});
