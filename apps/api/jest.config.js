/**
 * Three tiers in one run: `*.spec.ts` (unit, colocated), `test/*.int-spec.ts` (real PostgreSQL and
 * Redis) and `test/*.e2e-spec.ts` (the whole app through HTTP with supertest). The global setup
 * gives the run its own database and Redis prefix and removes both at the end.
 *
 * NestJS 12 and a few of its dependencies ship ESM only; @swc/jest compiles them to CommonJS.
 */
const ESM_ONLY = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
  'uid',
  'content-disposition',
  '@scure',
  '@otplib',
  'otplib',
  '@noble',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2023',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // @huanxin/shared resolves to its build (turbo builds it before `test`), exactly as at run time.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  // The PII-leak suite must run last (it scans what every other suite left in the database and logs).
  testSequencer: '<rootDir>/test/utils/sequencer.js',
  testTimeout: 30000,
  reporters: process.env.HUANXIN_TEST_REPORT_DIR
    ? ['default', ['<rootDir>/../../scripts/jest-totals-reporter.js', { name: 'api' }]]
    : ['default'],
};
