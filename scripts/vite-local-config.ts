// Serves /config.json in `vite` and `vite preview`: the file named by SYNC_RUNS_CONFIG_FILE,
// or else the local stack's config. Production deployments ship their own config.json.
import { readFileSync } from 'node:fs';
import type { Connect, Plugin } from 'vite';
import { localStackConfig } from './local-stack-config.ts';

function configBody(): string {
  const file = process.env.SYNC_RUNS_CONFIG_FILE;
  return file ? readFileSync(file, 'utf8') : JSON.stringify(localStackConfig(), null, 2);
}

export function localConfigJson(): Plugin {
  let base = '/';
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== `${base}config.json`) return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(configBody());
  };
  return {
    name: 'sync-runs-local-config',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
