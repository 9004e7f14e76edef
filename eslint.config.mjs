// One flat config for every workspace; each workspace runs `eslint <dirs>` from its own folder
// (apps/web extends this file with its React rules). Paths in `files` are relative to this file.
import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const tsconfigs = ['apps/api', 'apps/web', 'packages/shared'].map((dir) =>
  path.join(root, dir, 'tsconfig.json'),
);

/** The only packages `@huanxin/shared` may import: it is pure TypeScript, run by Node and browsers. */
const SHARED_DEPENDENCIES = ['ajv', 'json-logic-engine'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use node:crypto (randomInt / randomBytes): secrets and codes need a CSPRNG.',
        },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Import graph rules (style.md: no import cycles). Only the repository's own files are
    // followed (`ignoreExternal`), which keeps the cycle search cheap: packages cannot import back.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: tsconfigs, noWarnOnMultipleProjects: true }),
      ],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration only through src/config (validated at boot).',
        },
        { object: 'Math', property: 'random', message: 'Use node:crypto (randomInt / randomBytes).' },
      ],
    },
  },
  {
    // The shared package is imported by both apps, so it imports neither of them, nor any framework
    // or I/O: only its own files and the few pure libraries it depends on.
    files: ['packages/shared/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: 'packages/shared/src',
              from: 'apps',
              message: '@huanxin/shared must not import app code.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.{1,2}/|(${SHARED_DEPENDENCIES.join('|')})(/|$))`,
              message: `@huanxin/shared is pure TypeScript: import only its own files and ${SHARED_DEPENDENCIES.join(', ')} (no Nest, React, Node I/O or app code).`,
            },
          ],
        },
      ],
    },
  },
);
