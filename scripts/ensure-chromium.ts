// Makes sure the end-to-end tests have a Chromium: Debian's package where apt-get can install it,
// otherwise one line saying exactly what to run.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium-path.ts';

function canApt(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

if (findChromium()) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(
    `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome binary.`,
  );
  process.exit(1);
}

if (canApt()) {
  console.log(
    'No Chromium found: installing Debian\'s "chromium" package (apt-get install -y chromium)…',
  );
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit' });
  if (update.status === 0 && install.status === 0 && findChromium()) process.exit(0);
  console.error('Installing chromium with apt-get failed; see the output above.');
  process.exit(1);
}

console.error(
  'No Chromium found for the end-to-end tests. Run `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chrome/Chromium binary.',
);
process.exit(1);
