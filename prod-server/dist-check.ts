// Start-up checks of the built app against this server: missing files, inline scripts, base path.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from './config.ts';

/** `<script>` elements without `src` (the CSP's `script-src 'self'` blocks them). */
export function inlineScripts(html: string): string[] {
  const tags = html.match(/<script\b[^>]*>/gi) ?? [];
  return tags.filter(
    (tag) => !/\bsrc\s*=/i.test(tag) && !/type\s*=\s*["']?application\/(?:ld\+)?json/i.test(tag),
  );
}

/** Human-readable warnings about DIST_DIR; empty when all is well. */
export function inspectDist(config: Pick<ServerConfig, 'distDir' | 'basePath'>): string[] {
  const warnings: string[] = [];
  const index = join(config.distDir, 'index.html');
  if (!existsSync(index)) {
    warnings.push(
      `${index} does not exist: run \`npm run build\` (or set DIST_DIR). /readyz answers 503.`,
    );
    return warnings;
  }
  for (const page of ['index.html', 'redirect.html', 'popup-relay.html']) {
    const path = join(config.distDir, page);
    if (!existsSync(path)) {
      if (page === 'redirect.html') warnings.push(`${path} is missing: MSAL sign-in needs it.`);
      continue;
    }
    const html = readFileSync(path, 'utf8');
    const inline = inlineScripts(html);
    if (inline.length > 0) {
      warnings.push(
        `${page} has ${inline.length} inline <script>; the CSP (script-src 'self') blocks it.`,
      );
    }
    const assetRefs = html.match(/(?:src|href)="(\/[^"]*assets\/)/);
    if (assetRefs?.[1] && !assetRefs[1].startsWith(config.basePath)) {
      warnings.push(
        `${page} loads assets from ${assetRefs[1]} but BASE_PATH is ${config.basePath}: build with \`vite build --base ${config.basePath}\`.`,
      );
    }
  }
  if (existsSync(join(config.distDir, 'config.json'))) {
    warnings.push(
      'dist/config.json exists but is not served: config.json comes from the environment.',
    );
  }
  return warnings;
}
