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

describe('import boundaries', () => {
  it('a feature importing another feature fails', async () => {
    const found = await violations(
      'src/features/sync-runs/components/violation.ts',
      "import { SHORTCUTS } from '@/features/shortcuts/shortcuts';\nexport const x = SHORTCUTS;\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-paths: .*Features do not import each other/);
  });

  it('lib importing a feature fails', async () => {
    const found = await violations(
      'src/lib/format/violation.ts',
      "import { SHORTCUTS } from '@/features/shortcuts/shortcuts';\nexport const x = SHORTCUTS;\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-paths: .*lib is shared code/);
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
    const found = await violations(
      'prod-server/violation.ts',
      "import { appUrl } from '../src/lib/auth/msal.ts';\nexport const x = appUrl;\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-paths: .*Server code may import only/);
  });

  it('the watcher importing the production server fails, and the other way round', async () => {
    const found = await violations(
      'watcher/violation.ts',
      "import { redactUrl } from '../prod-server/logging.ts';\nexport const x = redactUrl;\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-paths: .*separate services/);
    const back = await violations(
      'prod-server/violation.ts',
      "import { startOpsServer } from '../watcher/ops/http.ts';\nexport const x = startOpsServer;\n",
    );
    expect(back.join('\n')).toMatch(/no-restricted-paths: .*separate services/);
  });

  it('the server kit importing a service, browser code or React fails', async () => {
    const service = await violations(
      'server-kit/violation.ts',
      "import { redactUrl } from '../prod-server/logging.ts';\nexport const x = redactUrl;\n",
    );
    expect(service.join('\n')).toMatch(/no-restricted-paths: .*server kit serves every Node/);
    const browser = await violations(
      'server-kit/violation.ts',
      "import { appUrl } from '../src/lib/auth/msal.ts';\nimport { useState } from 'react';\nexport const x = [appUrl, useState, window.location.href];\n",
    );
    expect(browser.join('\n')).toMatch(/no-restricted-paths: .*may import only src\/lib\/format/);
    expect(browser.join('\n')).toMatch(/no-restricted-imports: .*runs on servers too/);
    expect(browser.join('\n')).toMatch(/no-restricted-globals: .*runs on servers too/);
  });

  it('the allowed directions pass', async () => {
    expect(
      await violations(
        'src/features/sync-runs/components/allowed.ts',
        "import { RUN_SORT_KEYS } from '@/domain/sync-runs/view/view-params';\nimport { isShortcutEvent } from '@/lib/keyboard/shortcut-keys';\nexport const x = [RUN_SORT_KEYS, isShortcutEvent];\n",
      ),
    ).toEqual([]);
    expect(
      await violations(
        'prod-server/allowed.ts',
        "import { windowEndingAt } from '../src/domain/sync-runs/model/window.ts';\nexport const x = windowEndingAt;\n",
      ),
    ).toEqual([]);
    // Both services use the server kit and the one credential rule set; so does the kit itself.
    const kitAndRules =
      "import { createLogger } from '../server-kit/log.ts';\nimport { redactCredentials } from '../src/lib/format/redact-credentials.ts';\nexport const x = [createLogger, redactCredentials];\n";
    for (const service of ['prod-server', 'watcher'])
      expect(await violations(`${service}/allowed.ts`, kitAndRules), service).toEqual([]);
    expect(
      await violations(
        'server-kit/allowed.ts',
        "import { redactCredentials } from '../src/lib/format/redact-credentials.ts';\nexport const x = redactCredentials;\n",
      ),
    ).toEqual([]);
  });
});
