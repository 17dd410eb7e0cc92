// `vite preview` serves dist/ with `no-cache` on every file, so each page load revalidates every
// chunk and compiles it again. This gives the hashed build output the production server's caching
// (prod-server/static.ts): with many viewers on one machine, a return visit starts from the cache.
import type { Plugin } from 'vite';
import { fileCacheControl } from '../prod-server/static.ts';

export function previewCaching(): Plugin {
  let base = '/';
  return {
    name: 'sync-runs-preview-caching',
    configResolved(config) {
      base = config.base;
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        // Only what the build wrote (sirv answers those); the SPA fallback keeps `no-cache`.
        if (path.startsWith(`${base}assets/`))
          res.setHeader('Cache-Control', fileCacheControl(['assets']));
        next();
      });
    },
  };
}
