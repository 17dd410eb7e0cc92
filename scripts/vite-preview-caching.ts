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
        // Only what the build wrote (sirv answers those). A missing chunk gets the SPA fallback,
        // which sets `no-cache` again, so nothing missing is ever kept as immutable.
        if (path.startsWith(`${base}assets/`))
          res.setHeader('Cache-Control', fileCacheControl(['assets']));
        next();
      });
    },
  };
}
