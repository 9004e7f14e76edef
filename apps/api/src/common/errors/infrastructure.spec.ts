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
    // PostgreSQL fast shutdown: the session's error, and TypeORM's when the dead runner is used again.
    [new Error('terminating connection due to administrator command'), 'unavailable'],
    [
      Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' }),
      'unavailable',
    ],
    [
      Object.assign(new Error('Database connection provided by a query runner was already released'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
      'unavailable',
    ],
    [new Error('Client has encountered a connection error and is not queryable'), 'unavailable'],
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
