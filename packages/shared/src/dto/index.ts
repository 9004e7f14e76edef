export * from './programs';
export * from './profile';
