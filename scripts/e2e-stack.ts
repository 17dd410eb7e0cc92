// The end-to-end stack: local identity provider, Neo API stand-in and `vite preview` of dist/.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import {
  E2E_APP_PORT,
  E2E_DEMO_PORT,
  E2E_IDP_PORT,
  E2E_STANDIN_PORT,
  e2eBuildEnv,
} from './e2e-ports.ts';
import { startLocalStack } from './local-stack.ts';

process.env.IDP_PORT = String(E2E_IDP_PORT);
process.env.STANDIN_PORT = String(E2E_STANDIN_PORT);

if (!existsSync('dist/embed-demo.html')) {
  const build = spawnSync('npx vite build --logLevel warn', {
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, ...e2eBuildEnv() },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const stack = await startLocalStack({
  idpPort: E2E_IDP_PORT,
  standinPort: E2E_STANDIN_PORT,
  appPort: E2E_APP_PORT,
  demoPort: E2E_DEMO_PORT,
  app: 'preview',
});
console.log(`e2e stack ready: ${stack.appUrl}`);
