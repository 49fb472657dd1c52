// `npm run lint` keeps the layers and the format: a fixture that breaks either is refused, with the reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = path.resolve('.');
// The fixtures exist only as text: the type-aware rule (floating promises) needs files the TypeScript project knows,
// and the rules these tests are about need no types.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

/** Lints code as if it were the file at `file` (nothing is written), with the project's configuration. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((message) => message.message);
}

describe('npm run lint', () => {
  it('runs ESLint and a Prettier check, both failing on a single warning or unformatted file', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.lint).toBe('eslint --max-warnings 0 . && prettier --check .');
    expect(scripts.format).toBe('prettier --write .');
  });

  it.each([
    [
      'a route importing db/',
      'app/routes/fixture.tsx',
      "import { accounts } from '../../db/schema';\nexport const x = accounts;\n",
      'Only app/models may use db/ at run time',
    ],
    [
      'a service using the database handle',
      'app/services/fixture.server.ts',
      "import { getDb } from '~/models/db.server';\nexport const x = getDb;\n",
      'The database handle is for app/models only.',
    ],
    [
      'a component calling a model',
      'app/components/fixture.tsx',
      "import { getAccount } from '~/models/account.server';\nexport const x = getAccount;\n",
      'Components render',
    ],
    [
      'db/ importing app/',
      'db/fixture.ts',
      "import { getConfig } from '../app/config.server';\nexport const x = getConfig;\n",
      'db/ never imports app/',
    ],
    [
      'server/ importing an app module',
      'server/fixture.ts',
      "import { log } from '../app/services/logger.server';\nexport const x = log;\n",
      'server/ reaches the app only through the build',
    ],
    [
      'a browser helper using Node',
      'app/utils/fixture.ts',
      "import { randomBytes } from 'node:crypto';\nexport const x = randomBytes;\n",
      'no Node built-ins here',
    ],
  ])('refuses %s', async (_case, file, code, reason) => {
    const messages = await lint(file, code);
    expect(messages.join('\n')).toContain(reason);
  });

  it('allows the same imports as types only, and the layers in their order', async () => {
    expect(await lint('app/routes/fixture.tsx', "import type { Account } from '../../db/schema';\nexport type X = Account;\n")).toEqual([]);
    expect(
      await lint(
        'app/routes/fixture.tsx',
        "import { getExposureReport } from '~/services/exposure-report.server';\nexport const x = getExposureReport;\n",
      ),
    ).toEqual([]);
    expect(await lint('app/models/fixture.server.ts', "import { accounts } from '../../db/schema';\nexport const x = accounts;\n")).toEqual(
      [],
    );
  });

  it('refuses imports out of their one order (node:, packages, ~/, relative) and accepts them in it', async () => {
    const outOfOrder = "import { z } from 'zod';\nimport path from 'node:path';\nexport const x = [z, path];\n";
    expect((await lint('app/services/fixture.server.ts', outOfOrder)).join('\n')).toContain('import should occur before import of `zod`');
    const inOrder = "import path from 'node:path';\nimport { z } from 'zod';\nexport const x = [z, path];\n";
    expect(await lint('app/services/fixture.server.ts', inOrder)).toEqual([]);
  });

  it('refuses unformatted code and accepts the same code formatted', async () => {
    const file = path.join(root, 'app/utils/fixture.ts');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const unformatted = "export const  answer = {a:1,b:'two'}\n";
    expect(await prettier.check(unformatted, options)).toBe(false);
    expect(await prettier.check(await prettier.format(unformatted, options), options)).toBe(true);
  });
});
