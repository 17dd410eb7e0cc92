// An integration's name as config files give it (the dashboard's config.json, the watcher's config):
// one rule for every runtime, the dashboard's. The API's slugs are not documented (contract,
// neo-api-facts.md), so case and dots are allowed; a name starts with a letter or digit and has at
// most 64 characters of letters, digits, `_`, `-` and `.`: never `.`, `..`, a path, a query or
// anything that would need encoding, so a name can only ever address its own API path.

export const INTEGRATION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const INTEGRATION_NAME_MESSAGE =
  'is not an integration name (a slug such as "connectwise": letters, digits, _, - and ., starting with a letter or digit, at most 64 characters)';

export function isIntegrationName(value: string): boolean {
  return INTEGRATION_NAME.test(value);
}
