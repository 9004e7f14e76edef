// @huanxin/shared: pure TypeScript used by the API and the web. No Nest, no React, no I/O.
export * from './errors';
export * from './validators';
export * from './money';
export * from './eligibility';
export * from './programs';
