// @huanxin/shared: pure TypeScript used by the API and the web. No Nest, no React, no I/O.
export * from './errors';
export * from './permissions';
export * from './regions';
export * from './consent';
export * from './validators';
export * from './money';
export * from './eligibility';
export * from './programs';
export * from './applications';
export * from './dealers';
export * from './dealer-sales';
export * from './dealer-records';
export * from './dto';
export * from './reveal';
export * from './review';
export * from './payments';
export * from './sales-import';
