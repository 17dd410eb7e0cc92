import { expect, it } from 'vitest';
import { lostStorageMessage } from './lost-storage';

it('says what will not be remembered, and only what a person would miss', () => {
  expect(lostStorageMessage(['localStorage', 'sessionStorage', 'indexedDB'], true)).toBe(
    'This browser keeps nothing for this page: saved views, the remembered time zone and kept runs last only until you leave.',
  );
  expect(lostStorageMessage(['localStorage'], false)).toBe(
    'This browser keeps nothing for this page: saved views and the remembered time zone last only until you leave.',
  );
  expect(lostStorageMessage(['cookies'], true)).toBe(
    'This browser does not let this page keep runs between visits: each visit loads them again.',
  );
  // Nothing kept runs would need (the cache is off), or nothing a person sees.
  expect(lostStorageMessage(['indexedDB'], false)).toBeNull();
  expect(lostStorageMessage(['sessionStorage', 'broadcast'], true)).toBeNull();
  expect(lostStorageMessage([], true)).toBeNull();
});
