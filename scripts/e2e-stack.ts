// The end-to-end stack: local identity provider, Neo API stand-in and `vite preview` of dist/.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { E2E_APP_PORT, E2E_IDP_PORT, E2E_STANDIN_PORT } from './e2e-ports.ts';
import { startLocalStack } from './local-stack.ts';

process.env.IDP_PORT = String(E2E_IDP_PORT);
process.env.STANDIN_PORT = String(E2E_STANDIN_PORT);

if (!existsSync('dist/index.html')) {
  const build = spawnSync('npx vite build --logLevel warn', { stdio: 'inherit', shell: true });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const stack = await startLocalStack({
  idpPort: E2E_IDP_PORT,
  standinPort: E2E_STANDIN_PORT,
  appPort: E2E_APP_PORT,
  app: 'preview',
});
console.log(`e2e stack ready: ${stack.appUrl}`);
