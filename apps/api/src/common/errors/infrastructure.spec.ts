import { classifyInfrastructureError, INFRASTRUCTURE_ANSWER } from './infrastructure';

describe('classifyInfrastructureError', () => {
  it.each([
    [new Error('timeout exceeded when trying to connect'), 'busy'],
    [
      Object.assign(new Error('wrapped'), { cause: new Error('timeout exceeded when trying to connect') }),
      'busy',
    ],
    [Object.assign(new Error('too many clients'), { code: '53300' }), 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [Object.assign(new Error('bad date'), { code: '22008' }), 'bad-data'],
    [new Error('a bug'), undefined],
  ])('%s → %s', (error, expected) => {
    expect(classifyInfrastructureError(error)).toBe(expected);
  });

  it('a pool timeout is a 503 SERVICE_UNAVAILABLE with a Retry-After', () => {
    expect(INFRASTRUCTURE_ANSWER.busy).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(Number(INFRASTRUCTURE_ANSWER.busy.headers['retry-after'])).toBeGreaterThan(0);
  });
});
