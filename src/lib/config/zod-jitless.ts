// Browser-only zod set-up, imported by app-config.ts before the config schema so that it runs before
// any schema is built: zod decides at construction whether it may compile parsers with eval(), and
// probing for that breaks the production CSP (script-src 'self'). The server does not import this.
import { z } from 'zod';

z.config({ jitless: true });
