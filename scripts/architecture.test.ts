// The architecture's import rules (eslint.config.js) fail on the imports they forbid and pass on
// the ones they allow, so a wrong import fails `npm test`, not a review.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rules that fire on `code` as if it were the file at `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

/** The rules that fire on a file at `path` importing `name` from `from` (and using it), as one text. */
async function importing(path: string, name: string, from: string): Promise<string> {
  const code = `import { ${name} } from '${from}';\nexport const x = ${name};\n`;
  return (await violations(path, code)).join('\n');
}

describe('import boundaries', () => {
  it('a feature importing another feature fails', async () => {
    expect(
      await importing(
        'src/features/sync-runs/components/violation.ts',
        'SHORTCUTS',
        '@/features/shortcuts/shortcuts',
      ),
    ).toMatch(/no-restricted-paths: .*Features do not import each other/);
  });

  it('lib importing a feature fails', async () => {
    expect(
      await importing('src/lib/format/violation.ts', 'SHORTCUTS', '@/features/shortcuts/shortcuts'),
    ).toMatch(/no-restricted-paths: .*lib is shared code/);
  });

  it('the domain model importing React or a browser global fails', async () => {
    const found = await violations(
      'src/domain/sync-runs/violation.ts',
      "import { useState } from 'react';\nexport const x = [useState, window.location.href];\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-imports: .*runs on servers too/);
    expect(found.join('\n')).toMatch(/no-restricted-globals: .*runs on servers too/);
  });

  it('server code importing browser code from src fails', async () => {
    expect(
      await importing('prod-server/violation.ts', 'appUrl', '../src/lib/auth/msal.ts'),
    ).toMatch(/no-restricted-paths: .*Server code may import only/);
  });

  it('the production server importing the watcher fails', async () => {
    expect(
      await importing('prod-server/violation.ts', 'startOpsServer', '../watcher/ops/http.ts'),
    ).toMatch(/no-restricted-paths: .*separate services/);
  });

  it('the server kit importing a service, browser code or React fails', async () => {
    expect(
      await importing('server-kit/violation.ts', 'redactUrl', '../prod-server/logging.ts'),
    ).toMatch(/no-restricted-paths: .*server kit serves every Node/);
    const browser = await violations(
      'server-kit/violation.ts',
      "import { appUrl } from '../src/lib/auth/msal.ts';\nimport { useState } from 'react';\nexport const x = [appUrl, useState, window.location.href];\n",
    );
    expect(browser.join('\n')).toMatch(/no-restricted-paths: .*may import only src\/lib\/format/);
    expect(browser.join('\n')).toMatch(/no-restricted-imports: .*runs on servers too/);
    expect(browser.join('\n')).toMatch(/no-restricted-globals: .*runs on servers too/);
  });

  it('the watcher importing the production server fails', async () => {
    expect(await importing('watcher/violation.ts', 'DEFAULTS', '../prod-server/config.ts')).toMatch(
      /no-restricted-paths: .*separate services/,
    );
  });

  it('the allowed directions pass', async () => {
    expect(
      await violations(
        'src/features/sync-runs/components/allowed.ts',
        "import { RUN_SORT_KEYS } from '@/domain/sync-runs/view/view-params';\nimport { isShortcutEvent } from '@/lib/keyboard/shortcut-keys';\nexport const x = [RUN_SORT_KEYS, isShortcutEvent];\n",
      ),
    ).toEqual([]);
    expect(
      await importing(
        'prod-server/allowed.ts',
        'windowEndingAt',
        '../src/domain/sync-runs/model/window.ts',
      ),
    ).toBe('');
    // Both services use the server kit and the one credential rule set; so does the kit itself.
    const kitAndRules =
      "import { createLogger } from '../server-kit/log.ts';\nimport { redactCredentials } from '../src/lib/format/redact-credentials.ts';\nexport const x = [createLogger, redactCredentials];\n";
    for (const service of ['prod-server', 'watcher'])
      expect(await violations(`${service}/allowed.ts`, kitAndRules), service).toEqual([]);
    expect(
      await importing(
        'server-kit/allowed.ts',
        'redactCredentials',
        '../src/lib/format/redact-credentials.ts',
      ),
    ).toBe('');
  });
});

describe('the domain’s rooms, and no styling in them', () => {
  const DOMAIN_FILE = 'src/domain/sync-runs/model/violation.ts';

  it('the run model importing a judgement, or a judgement importing fetching, fails', async () => {
    expect(
      await importing(DOMAIN_FILE, 'learnCadence', '@/domain/sync-runs/judgements/cadence'),
    ).toMatch(/no-restricted-paths: .*the domain’s floor/);
    expect(
      await importing(
        'src/domain/sync-runs/judgements/violation.ts',
        'mergeRounds',
        '@/domain/sync-runs/fetching/rounds',
      ),
    ).toMatch(/no-restricted-paths: .*not how they were fetched/);
  });

  it('a domain module importing a style module or a stylesheet fails', async () => {
    const found = await violations(
      DOMAIN_FILE,
      "import { STATUS_FILL } from '@/features/sync-runs/components/status-style';\nimport { FIELD } from '@/components/field-styles';\nimport '@/index.css';\nexport const x = [STATUS_FILL, FIELD];\n",
    );
    const styling = found.filter((m) => /no-restricted-imports: .*Styling never enters/.test(m));
    expect(styling).toHaveLength(3);
  });

  it('a Tailwind class or a CSS colour written in the domain fails', async () => {
    const found = await violations(
      DOMAIN_FILE,
      "export const badge = 'bg-red-100 text-red-900 ring-red-700/30';\nexport const fill = `var(--status-failure)`;\nexport const dot = 'rgb(220 38 38)';\n",
    );
    const styling = found.filter((m) => /no-restricted-syntax: Styling never enters/.test(m));
    expect(styling).toHaveLength(3);
  });

  it('a state’s words, and prose that mentions borders and text, pass', async () => {
    expect(
      await violations(
        DOMAIN_FILE,
        "export const LABEL = { failing: 'Failing', note: 'Text to read: a border case, not a colour.' };\n",
      ),
    ).toEqual([]);
  });
});
