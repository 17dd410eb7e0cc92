// Starts the local stack in one process: identity provider, Neo API stand-in, the dashboard, and a
// demo portal (on 127.0.0.1, a different site from localhost) that embeds the dashboard as a widget.
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { startIdp } from '../local-idp/idp.ts';
import { startStandin } from '../neo-standin/server.ts';

export type LocalStackOptions = {
  idpPort: number;
  standinPort: number;
  appPort: number;
  /** The embed demo host's port, served on 127.0.0.1. */
  demoPort: number;
  /** `dev` serves the sources with hot reload; `preview` serves the production build in dist/. */
  app: 'dev' | 'preview';
  openBrowser?: boolean;
  /** More origins allowed to sign in (for example the production server under test). */
  extraAppOrigins?: string[];
};

export function appOrigins(appPort: number): string[] {
  return [`http://localhost:${appPort}`, `http://127.0.0.1:${appPort}`];
}

export function demoHostOrigin(demoPort: number): string {
  return `http://127.0.0.1:${demoPort}`;
}

async function startVite(
  mode: 'dev' | 'preview',
  port: number,
  host: string,
  options: { open?: boolean; cacheDir?: string } = {},
) {
  if (mode === 'dev') {
    const server: ViteDevServer = await createServer({
      cacheDir: options.cacheDir,
      server: { port, host, strictPort: true, open: options.open ?? false },
    });
    await server.listen();
    return server;
  }
  const server: PreviewServer = await preview({
    preview: { port, host, strictPort: true, open: options.open ?? false },
  });
  return server;
}

export async function startLocalStack(options: LocalStackOptions) {
  // The app's config.json (scripts/vite-local-config.ts) points at these ports.
  process.env.IDP_PORT = String(options.idpPort);
  process.env.STANDIN_PORT = String(options.standinPort);
  process.env.EMBED_DEMO_ORIGIN = demoHostOrigin(options.demoPort);
  process.env.VITE_DASHBOARD_ORIGIN = `http://localhost:${options.appPort}`;
  process.env.VITE_IDP_PORT = String(options.idpPort);
  const origins = appOrigins(options.appPort);
  const demoOrigin = demoHostOrigin(options.demoPort);

  const idp = await startIdp({
    port: options.idpPort,
    appOrigins: [...origins, demoOrigin, ...(options.extraAppOrigins ?? [])],
  });
  const standin = await startStandin({
    port: options.standinPort,
    idpPort: options.idpPort,
    corsOrigins: origins,
  });
  const app = await startVite(options.app, options.appPort, 'localhost', {
    open: options.openBrowser,
  });
  const demo = await startVite(options.app, options.demoPort, '127.0.0.1', {
    cacheDir: 'node_modules/.vite-embed-demo',
  });

  const appUrl = `http://localhost:${options.appPort}/`;
  const demoUrl = `${demoOrigin}/embed-demo.html`;
  let closing = false;
  async function close() {
    if (closing) return;
    closing = true;
    await Promise.allSettled([app.close(), demo.close(), standin.close(), idp.close()]);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { idp, standin, appUrl, demoUrl, close };
}
