// Response (and request) bodies of the API routes, shared by the API and the web so they cannot drift.
export * from './programs';
export * from './profile';
export * from './applications';
export * from './auth';
export * from './notifications';
export * from './admin';
export * from './dealer';
export * from './dealer-records';
export * from './audit';
export * from './dev';
export * from './review';
export * from './review-reports';
export * from './stats';
