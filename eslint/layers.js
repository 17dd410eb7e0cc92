// The import zones of eslint.config.js (import-x/no-restricted-paths), each path from the repository
// root. scripts/architecture.test.ts plants imports they must refuse.
import { readdirSync } from 'node:fs';

const FEATURES = readdirSync(new URL('../src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The architecture, as import rules (docs/architecture.md): app → features → shared (components,
// lib) and the platform-neutral domain. Features do not import each other; shared code imports no
// feature; server code imports only what runs anywhere.
export const LAYERS = [
  {
    target: './src/lib',
    from: ['./src/app', './src/features', './src/components', './src/domain'],
    message: 'lib is shared code: it imports no app, feature, component or domain module.',
  },
  {
    target: './src/components',
    from: ['./src/app', './src/features'],
    message: 'Shared components import no app or feature module.',
  },
  {
    target: './src/domain',
    from: ['./src/app', './src/features', './src/components'],
    message: 'The domain model is platform-neutral: it imports no app, feature or component.',
  },
  {
    target: './src/domain',
    from: './src/lib',
    except: ['./api', './format', './memo'],
    message: 'The domain model may use only the platform-neutral lib/api, lib/format and lib/memo.',
  },
  // The domain's rooms: the run model is the floor; judgements and fetching stand on it apart; view
  // state may use all three.
  {
    target: './src/domain/sync-runs/model',
    from: [
      './src/domain/sync-runs/judgements',
      './src/domain/sync-runs/fetching',
      './src/domain/sync-runs/view',
    ],
    message:
      'The run model is the domain’s floor: it imports no judgement, fetching or view module.',
  },
  {
    target: './src/domain/sync-runs/judgements',
    from: ['./src/domain/sync-runs/fetching', './src/domain/sync-runs/view'],
    message:
      'Judgements read runs, not how they were fetched or shown: no fetching or view module.',
  },
  {
    target: './src/domain/sync-runs/fetching',
    from: ['./src/domain/sync-runs/judgements', './src/domain/sync-runs/view'],
    message:
      'Fetching walks and keeps runs; it judges and shows nothing: no judgement or view module.',
  },
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the app that composes them.',
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message:
      'Features do not import each other: move what both need to src/components, src/lib or src/domain.',
  })),
  {
    target: './prod-server',
    from: './src',
    except: ['./domain', './lib/api', './lib/config/config-schema.ts', './lib/format'],
    message:
      'Server code may import only the platform-neutral domain, API layer, config schema and format rules.',
  },
  {
    target: './server-kit',
    from: './src',
    except: ['./lib/format'],
    message: 'The server kit may import only src/lib/format (the one credential rule set).',
  },
  {
    target: './server-kit',
    from: ['./prod-server', './watcher', './neo-standin', './local-idp'],
    message: 'The server kit serves every Node service: it imports none of them.',
  },
  {
    target: './watcher',
    from: './src',
    except: ['./domain', './lib/api', './lib/format', './lib/memo', './lib/integrations'],
    message:
      'The watcher runs the platform-neutral model and API layer only: no React, DOM or browser code.',
  },
  {
    target: './watcher',
    from: './prod-server',
    message: 'The watcher and the production server are separate services.',
  },
  {
    target: './prod-server',
    from: './watcher',
    message: 'The watcher and the production server are separate services.',
  },
];
