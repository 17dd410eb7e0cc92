// `npm start`: the dashboard on the local Neo API stand-in with demo data and a local sign-in.
import { DEMO_USER } from '../local-idp/settings.ts';
import { startLocalStack } from './local-stack.ts';
import { DEFAULT_STANDIN_PORT } from './local-stack-config.ts';

const idpPort = Number(process.env.IDP_PORT ?? 8443);
const standinPort = Number(process.env.STANDIN_PORT ?? DEFAULT_STANDIN_PORT);
const appPort = Number(process.env.APP_PORT ?? 5173);
const demoPort = Number(process.env.EMBED_DEMO_PORT ?? 5174);

const stack = await startLocalStack({
  idpPort,
  standinPort,
  appPort,
  demoPort,
  app: 'dev',
  openBrowser: Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.SYNC_RUNS_NO_OPEN,
});

console.log(`
  Sync Runs is running.

  Dashboard            ${stack.appUrl}
  Neo API stand-in     ${stack.standin.url}  (demo tenant, runs keep arriving while it runs)
  Identity provider    ${stack.idp.url}  (local stand-in for Microsoft Entra ID)
  Embed demo portal    ${stack.demoUrl}  (embeds the dashboard as a widget from another site)

  Sign in with         ${DEMO_USER.username}
  Password             ${DEMO_USER.password}

  First time? Your browser does not trust the identity provider's development certificate yet.
  Open ${stack.idp.url} once and accept the certificate (Chrome: Advanced → Proceed), then sign in.

  Press Ctrl+C to stop.
`);
