/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2023' } }] },
  transformIgnorePatterns: ['/node_modules/(?!(json-logic-engine)/)'],
  reporters: process.env.HUANXIN_TEST_REPORT_DIR
    ? ['default', ['<rootDir>/../../scripts/jest-totals-reporter.js', { name: 'shared' }]]
    : ['default'],
};
