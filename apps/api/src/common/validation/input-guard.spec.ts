import { findUnsafeValues, jsonDepthExceeds, MAX_JSON_DEPTH } from './input-guard';

describe('input guard: values refused at the edge', () => {
  it.each([
    ['NUL in a value', { name: 'a\u0000b' }, { name: 'INVALID_CHARACTERS' }],
    ['a lone high surrogate', { name: 'x\uD800' }, { name: 'INVALID_CHARACTERS' }],
    ['a lone low surrogate', { name: '\uDC00x' }, { name: 'INVALID_CHARACTERS' }],
    ['reversed surrogates', { name: '\uDC00\uD800' }, { name: 'INVALID_CHARACTERS' }],
    ['NUL in a key', { ['a\u0000']: 1 }, { 'a?': 'INVALID_CHARACTERS' }],
    ['nested in arrays', { items: [{ sn: 'ok' }, { sn: '\u0000' }] }, { 'items.1.sn': 'INVALID_CHARACTERS' }],
    ['an integer past 2^53', { priceFen: 2 ** 53 + 2 }, { priceFen: 'OUT_OF_RANGE' }],
    ['a huge negative', { n: -1e300 }, { n: 'OUT_OF_RANGE' }],
  ])('%s → refused', (_label, value, fields) => {
    expect(findUnsafeValues(value)).toEqual(fields);
  });

  it.each([
    ['Chinese text', { name: '张三', address: '明水街道汇泉路 100 号' }],
    ['an emoji (a proper surrogate pair)', { note: 'ok 👍' }],
    ['the largest safe integer', { n: Number.MAX_SAFE_INTEGER, m: -Number.MAX_SAFE_INTEGER }],
    ['fractions, booleans, null', { a: 0.5, b: true, c: null }],
  ])('%s → accepted', (_label, value) => {
    expect(findUnsafeValues(value)).toEqual({});
  });

  it('names a query parameter by its root name', () => {
    expect(findUnsafeValues('a\u0000', 'phone')).toEqual({ phone: 'INVALID_CHARACTERS' });
    expect(findUnsafeValues('\u0000')).toEqual({ body: 'INVALID_CHARACTERS' });
  });

  it('reports at most 10 fields for a huge hostile body', () => {
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, '\u0000']));
    expect(Object.keys(findUnsafeValues(body))).toHaveLength(10);
  });

  it('walks a very deep value without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(Object.values(findUnsafeValues(deep))).toEqual(['INVALID_CHARACTERS']);
  });

  describe('jsonDepthExceeds', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    it.each([
      [nested(MAX_JSON_DEPTH), false],
      [nested(MAX_JSON_DEPTH + 1), true],
      [`{"a":"${'['.repeat(1000)}"}`, false],
      [`{"a":"\\"${'{'.repeat(1000)}"}`, false],
      [`[${'[], '.repeat(10_000)}[]]`, false],
    ])('%#: %s…', (text, exceeds) => {
      expect(jsonDepthExceeds(text)).toBe(exceeds);
    });
  });
});
