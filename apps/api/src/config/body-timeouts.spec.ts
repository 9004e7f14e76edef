import { ConfigError, loadConfig } from './config';

/** UPLOAD_TIMEOUT_MS and REQUEST_TIMEOUT_MS: how long a request's body may take to arrive. */
describe('body timeouts', () => {
  it('default to 60 s for uploads and 15 s for everything else', () => {
    expect(loadConfig({}).bodyTimeouts).toEqual({ uploadMs: 60_000, requestMs: 15_000 });
  });

  it('are read from the environment', () => {
    expect(loadConfig({ UPLOAD_TIMEOUT_MS: '1500', REQUEST_TIMEOUT_MS: '1000' }).bodyTimeouts).toEqual({
      uploadMs: 1500,
      requestMs: 1000,
    });
  });

  it.each([
    ['UPLOAD_TIMEOUT_MS', 'soon'],
    ['UPLOAD_TIMEOUT_MS', '0'],
    ['REQUEST_TIMEOUT_MS', '-1'],
    ['REQUEST_TIMEOUT_MS', '99999999'],
  ])('refuse %s=%s at boot', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
