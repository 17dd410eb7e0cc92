// Writes dist/staticwebapp.config.json (Azure Static Web Apps) and dist/config.json from the same
// environment variables as `npm run serve`; `--print` prints the first to stdout instead.
// Usage: npx tsx scripts/static-host-config.ts [--print]
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServerConfig, ServerConfigError } from '../prod-server/config.ts';
import { StaticHostConfigError, staticHostFiles } from '../prod-server/static-host-config.ts';

function fail(message: string): never {
  console.error(`static-host-config: ${message}`);
  process.exit(1);
}

try {
  const config = loadServerConfig();
  const files = staticHostFiles(config);
  if (process.argv.includes('--print')) {
    process.stdout.write(files['staticwebapp.config.json']!);
  } else {
    if (!existsSync(join(config.distDir, 'index.html'))) {
      fail(`${config.distDir} has no index.html: run \`npm run build\` first (or set DIST_DIR).`);
    }
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(config.distDir, name), text);
      console.error(`wrote ${join(config.distDir, name)}`);
    }
    for (const warning of config.warnings) console.error(`warning: ${warning}`);
  }
} catch (error) {
  if (error instanceof ServerConfigError || error instanceof StaticHostConfigError) {
    fail(error.message);
  }
  throw error;
}
