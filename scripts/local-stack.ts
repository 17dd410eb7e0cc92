// Starts the local stack in one process: identity provider, Neo API stand-in and the dashboard.
import { createServer, preview } from 'vite';
import { startIdp } from '../local-idp/idp.ts';
import { startStandin } from '../neo-standin/server.ts';

export type LocalStackOptions = {
  idpPort: number;
  standinPort: number;
  appPort: number;
  /** `dev` serves the sources with hot reload; `preview` serves the production build in dist/. */
  app: 'dev' | 'preview';
  openBrowser?: boolean;
};

export function appOrigins(appPort: number): string[] {
  return [`http://localhost:${appPort}`, `http://127.0.0.1:${appPort}`];
}

export async function startLocalStack(options: LocalStackOptions) {
  // The app's config.json (scripts/vite-local-config.ts) points at these ports.
  process.env.IDP_PORT = String(options.idpPort);
  process.env.STANDIN_PORT = String(options.standinPort);
  const origins = appOrigins(options.appPort);

  const idp = await startIdp({ port: options.idpPort, appOrigins: origins });
  const standin = await startStandin({
    port: options.standinPort,
    idpPort: options.idpPort,
    corsOrigins: origins,
  });

  const server =
    options.app === 'dev'
      ? await createServer({
          server: { port: options.appPort, strictPort: true, open: options.openBrowser ?? false },
        })
      : await preview({
          preview: { port: options.appPort, strictPort: true, open: options.openBrowser ?? false },
        });
  if ('listen' in server) await server.listen();

  const appUrl = `http://localhost:${options.appPort}/`;
  let closing = false;
  async function close() {
    if (closing) return;
    closing = true;
    await Promise.allSettled([server.close(), standin.close(), idp.close()]);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { idp, standin, appUrl, close };
}
