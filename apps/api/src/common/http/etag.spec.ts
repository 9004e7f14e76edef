import { ifNoneMatch } from './etag';

describe('ifNoneMatch (RFC 9110 weak comparison)', () => {
  const tag = '"abc123"';
  it.each([
    [undefined, false],
    ['', false],
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"other", "abc123"', true],
    [' "other" ,W/"abc123" ', true],
    ['*', true],
    ['"abc1234"', false],
    ['abc123', false],
    ['"other"', false],
    [['"x"', '"abc123"'], true],
  ] as [string | string[] | undefined, boolean][])('%j → %s', (header, expected) => {
    expect(ifNoneMatch(header, tag)).toBe(expected);
  });
});
