// An integration's name as config files give it (the dashboard's config.json, the watcher's config):
// one rule for every runtime. A lowercase slug of at most 64 characters: never `.`, `..`, a path,
// a query or anything that would need encoding, so a name can only ever address its own API path.

export const INTEGRATION_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const INTEGRATION_NAME_MESSAGE =
  'is not an integration name (a lowercase slug such as "connectwise": a–z, 0–9, _ and -, at most 64 characters)';

export function isIntegrationName(value: string): boolean {
  return INTEGRATION_NAME.test(value);
}
