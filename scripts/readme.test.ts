// The README is the public interface: every deep-link parameter the app writes and every npm script
// is documented there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, serializeViewParams } from '@/domain/sync-runs/view/view-params';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The text of a `## heading` section. */
function section(heading: string): string {
  const start = readme.indexOf(`## ${heading}`);
  expect(start, `README has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe('README', () => {
  it('documents every parameter a link to a view can carry', () => {
    // A view with nothing at its default writes every parameter there is.
    const every = serializeViewParams({
      ...DEFAULT_VIEW,
      window: { kind: 'custom', since: '2026-11-01T00:00:00Z', until: '2026-11-02T00:00:00Z' },
      statuses: ['FAILURE'],
      q: 'x',
      run: 'r',
      sig: 's',
      anomaly: 'a',
      tz: 'utc',
      sort: { key: 'duration', desc: true },
    });
    const presets = serializeViewParams({
      ...DEFAULT_VIEW,
      window: { kind: 'preset', preset: '7d' },
    });
    const table = section('Deep links');
    for (const key of [...every.keys(), ...presets.keys()])
      expect(table, `?${key}= in the deep-link table`).toMatch(new RegExp(`[?&]${key}=`));
  });

  it('lists every npm script', () => {
    const table = section('Scripts');
    for (const name of Object.keys(pkg.scripts)) {
      const command = name === 'start' || name === 'test' ? `npm ${name}` : `npm run ${name}`;
      expect(table, `${command} in the scripts table`).toContain(`\`${command}\``);
    }
  });
});
