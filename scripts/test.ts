// `npm test`: every check, in order of speed; stops at the first failure and says which.
import { spawnSync } from 'node:child_process';
import { e2eBuildEnv } from './e2e-ports.ts';

const steps: [name: string, command: string, env?: Record<string, string>][] = [
  ['type-check', 'npx tsc -b'],
  ['lint', 'npx eslint . --max-warnings 0'],
  ['format', 'npx prettier --check . --log-level warn'],
  ['unit tests', 'npx vitest run'],
  ['browser for end-to-end tests', 'npx tsx scripts/ensure-chromium.ts'],
  // The end-to-end tests drive this build; it also contains the embed demo host page.
  ['build for end-to-end tests', 'npx vite build --logLevel warn', e2eBuildEnv()],
  ['end-to-end tests', 'npx playwright test'],
];

const timings: string[] = [];
for (const [name, command, env] of steps) {
  console.log(`\n▶ ${name}: ${command}`);
  const started = Date.now();
  const result = spawnSync(command, {
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  if (result.status !== 0) {
    console.error(`\n✖ npm test failed at "${name}" (${command}). Timings: ${timings.join(', ')}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✔ all checks passed. Timings: ${timings.join(', ')}`);
