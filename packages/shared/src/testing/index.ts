// @huanxin/shared/testing: typed fixtures for the API, web and browser tests (not part of the main entry,
// so no bundle ships them). Values are valid by the shared validators and eligible by the shared engine.
export * from './identity';
export * from './profile';
export * from './claims';
