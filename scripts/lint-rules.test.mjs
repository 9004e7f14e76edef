// Proves that each workspace's `npm run lint` fails on what it exists to catch: an unformatted file,
// an import cycle, a cross-feature import in the web and app code in @huanxin/shared. Each case
// runs the workspace's real `lint` script with the real config files, in a throw-away copy of the
// repository's skeleton (configs + a few fixture sources), so the real tree is never touched.
// Run by the root `lint:root` task (`node --test scripts/lint-rules.test.mjs`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const repo = path.resolve(import.meta.dirname, '..');

/** The files that decide how lint behaves; copied as they are. */
const CONFIG_FILES = [
  'eslint.config.mjs',
  '.prettierrc.json',
  '.prettierignore',
  '.gitignore',
  'tsconfig.base.json',
  'package.json',
  'apps/api/package.json',
  'apps/api/tsconfig.json',
  'apps/web/package.json',
  'apps/web/tsconfig.json',
  'apps/web/eslint.config.mjs',
  'packages/shared/package.json',
  'packages/shared/tsconfig.json',
];

/**
 * A clean tree: every workspace's ESLint passes on it (the prettier case below only reaches
 * `prettier --check` because it did), and each case checks these files stay free of problems.
 */
const CLEAN = {
  'apps/api/src/main.ts':
    "import { greet } from './greet';\n\nexport const main = (): string => greet('api');\n",
  'apps/api/src/greet.ts': 'export const greet = (name: string): string => `hello ${name}`;\n',
  'apps/api/test/greet.spec.ts':
    "import { greet } from '../src/greet';\n\nexport const greeting = greet('test');\n",
  'apps/web/src/lib/format.ts': 'export const upper = (text: string): string => text.toUpperCase();\n',
  'apps/web/src/components/ui/title.ts':
    "import { upper } from '@/lib/format';\n\nexport const title = upper('t');\n",
  'apps/web/src/features/claims/claim.ts':
    "import { title } from '@/components/ui/title';\nimport { upper } from '../../lib/format';\n\nexport const claim = `${title} ${upper('c')}`;\n",
  'apps/web/src/features/claims/list.ts':
    "import { claim } from './claim';\n\nexport const list = [claim];\n",
  'apps/web/src/features/profile/profile.ts':
    "import { title } from '@/components/ui/title';\n\nexport const profile = title;\n",
  'apps/web/e2e/smoke.ts':
    "import { profile } from '../src/features/profile/profile';\n\nexport const smoke = profile;\n",
  'packages/shared/src/index.ts':
    "import Ajv from 'ajv';\nimport { half } from './money';\n\nexport const ajv = new Ajv();\nexport { half };\n",
  'packages/shared/src/money.ts': 'export const half = (fen: number): number => Math.floor(fen / 2);\n',
};

const sandboxes = [];
after(() => {
  for (const dir of sandboxes) fs.rmSync(dir, { recursive: true, force: true });
});

function sandbox(extra = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanxin-lint-'));
  sandboxes.push(dir);
  for (const file of CONFIG_FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(repo, file), path.join(dir, file));
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries({ ...CLEAN, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Runs `npm run lint` of one workspace the way npm does: its script, its folder, local bins first. */
function lint(dir, workspace) {
  const script = JSON.parse(fs.readFileSync(path.join(dir, workspace, 'package.json'), 'utf8')).scripts.lint;
  const result = spawnSync(script, {
    cwd: path.join(dir, workspace),
    shell: true,
    encoding: 'utf8',
    env: {
      ...process.env,
      // Plain text: under turbo in CI (FORCE_COLOR) prettier colours its "[warn]" tags.
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      PATH: `${path.join(dir, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
    },
  });
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes, whatever the tools decided
  const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output: plain(`${result.stdout}\n${result.stderr}`) };
}

/** ESLint's stylish output: the file's heading, then its problems until a blank line. */
function problemsOf(output, file) {
  const start = output.indexOf(`${file}\n`);
  if (start < 0) return '';
  const end = output.indexOf('\n\n', start);
  return output.slice(start, end < 0 ? undefined : end);
}

function assertError(output, file, rule) {
  assert.match(problemsOf(output, file), new RegExp(`\\berror\\b.*${rule.replace('/', '\\/')}`), output);
}

describe('npm run lint', () => {
  it('fails on an unformatted file (prettier --check), in the API and in the web', () => {
    const ugly = 'export const   ugly = ( a:number )=>{ return a }\n';
    const dir = sandbox({ 'apps/api/src/ugly.ts': ugly, 'apps/web/src/lib/ugly.ts': ugly });
    for (const [workspace, file] of [
      ['apps/api', 'src/ugly.ts'],
      ['apps/web', 'src/lib/ugly.ts'],
    ]) {
      const result = lint(dir, workspace);
      assert.notEqual(result.status, 0, result.output);
      // ESLint passed (prettier runs after it), and prettier flags the one unformatted file.
      assert.match(result.output, new RegExp(`\\[warn\\] ${file}\\n`), result.output);
      assert.match(result.output, /Code style issues found in the above file\./, result.output);
    }
  });

  it('fails on an import cycle in the API, and lints plain JavaScript (.mjs, .cjs) with Node globals', () => {
    const dir = sandbox({
      'apps/api/src/orders.ts':
        "import { price } from './prices';\n\nexport const order = (): number => price() + 1;\n",
      'apps/api/src/prices.ts':
        "import { order } from './orders';\n\nexport const price = (): number => order() * 2;\n",
      'apps/api/scripts/tool.mjs':
        "import fs from 'node:fs';\n\nfs.writeFileSync(process.argv[2], String(missing));\n",
      'apps/api/tool.config.cjs': 'module.exports = { dir: __dirname, value: undefinedName };\n',
    });
    const result = lint(dir, 'apps/api');
    assert.notEqual(result.status, 0, result.output);
    assertError(result.output, path.join(dir, 'apps/api/src/orders.ts'), 'import-x/no-cycle');
    assertError(result.output, path.join(dir, 'apps/api/scripts/tool.mjs'), 'no-undef');
    assertError(result.output, path.join(dir, 'apps/api/tool.config.cjs'), 'no-undef');
    // Node globals (`process`, `module`, `__dirname`) are known: only the two undefined names fail.
    assert.doesNotMatch(result.output, /'(process|module|__dirname)' is not defined/, result.output);
    // The clean files beside them have no problems (the failure is the fixtures').
    for (const file of ['src/main.ts', 'src/greet.ts', 'test/greet.spec.ts'])
      assert.equal(problemsOf(result.output, path.join(dir, 'apps/api', file)), '');
  });

  it('fails on an import cycle and on cross-feature imports in the web', () => {
    const dir = sandbox({
      'apps/web/src/lib/a.ts': "import { b } from './b';\n\nexport const a = (): number => b() + 1;\n",
      'apps/web/src/lib/b.ts': "import { a } from '@/lib/a';\n\nexport const b = (): number => a() * 2;\n",
      'apps/web/src/features/profile/by-alias.ts':
        "import { claim } from '@/features/claims/claim';\n\nexport const mine = claim;\n",
      'apps/web/src/features/profile/by-path.tsx':
        "import { list } from '../claims/list';\n\nexport const mine = list;\n",
    });
    const result = lint(dir, 'apps/web');
    assert.notEqual(result.status, 0, result.output);
    assertError(result.output, path.join(dir, 'apps/web/src/lib/a.ts'), 'import-x/no-cycle');
    for (const file of ['by-alias.ts', 'by-path.tsx'])
      assertError(
        result.output,
        path.join(dir, 'apps/web/src/features/profile', file),
        'import-x/no-restricted-paths',
      );
    // Within one feature, and from a feature to components/ui or lib, imports stay allowed.
    for (const file of ['claims/claim.ts', 'claims/list.ts'])
      assert.equal(problemsOf(result.output, path.join(dir, 'apps/web/src/features', file)), '');
  });

  it('fails when @huanxin/shared imports app code, a framework or node I/O', () => {
    const dir = sandbox({
      'packages/shared/src/from-app.ts':
        "import { greet } from '../../../apps/api/src/greet';\n\nexport const g = greet;\n",
      'packages/shared/src/from-nest.ts':
        "import { Injectable } from '@nestjs/common';\n\nexport const i = Injectable;\n",
      'packages/shared/src/from-fs.ts':
        "import { readFileSync } from 'node:fs';\n\nexport const r = readFileSync;\n",
    });
    const result = lint(dir, 'packages/shared');
    assert.notEqual(result.status, 0, result.output);
    assertError(
      result.output,
      path.join(dir, 'packages/shared/src/from-app.ts'),
      'import-x/no-restricted-paths',
    );
    for (const file of ['from-nest.ts', 'from-fs.ts'])
      assertError(result.output, path.join(dir, 'packages/shared/src', file), 'no-restricted-imports');
    // Its own files and its declared pure dependencies (ajv) stay allowed.
    for (const file of ['index.ts', 'money.ts'])
      assert.equal(problemsOf(result.output, path.join(dir, 'packages/shared/src', file)), '');
  });
});
