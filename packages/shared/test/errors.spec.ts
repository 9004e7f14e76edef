import { ERROR_STATUS, ErrorCode, genericCodeForStatus, isErrorCode, statusOf } from '../src/errors';

describe('ERROR_STATUS: one status per code (api-contract.md, Conventions)', () => {
  it.each([
    ['MALFORMED_JSON', 400],
    ['IDEMPOTENCY_KEY_MISSING', 400],
    ['UNAUTHENTICATED', 401],
    ['OTP_INVALID', 401],
    ['MFA_ENROLMENT_EXPIRED', 401],
    ['FORBIDDEN', 403],
    ['CSRF_ORIGIN_MISMATCH', 403],
    ['APPLICATION_NOT_FOUND', 404],
    ['WRONG_STATE', 409],
    ['BUDGET_EXHAUSTED', 409],
    ['DUPLICATE_CLAIM', 409],
    ['PROGRAM_CLOSED', 409],
    ['IDEMPOTENCY_KEY_IN_FLIGHT', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['UNSUPPORTED_MEDIA_TYPE', 415],
    ['VALIDATION_FAILED', 422],
    ['NOT_ELIGIBLE', 422],
    ['IDEMPOTENCY_KEY_REUSED', 422],
    ['RATE_LIMITED', 429],
    ['SERVICE_UNAVAILABLE', 503],
  ] as const)('%s → %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  it('names every code as its own value', () => {
    for (const code of Object.keys(ERROR_STATUS)) expect(ErrorCode[code as ErrorCode]).toBe(code);
    expect(Object.keys(ErrorCode)).toEqual(Object.keys(ERROR_STATUS));
    expect(Object.isFrozen(ErrorCode)).toBe(true);
  });

  it('answers only 4xx for codes a client causes, 5xx only for the server’s own failures', () => {
    const serverSide = Object.entries(ERROR_STATUS).filter(([, status]) => status >= 500);
    expect(serverSide.map(([code]) => code).sort()).toEqual([
      'INTERNAL_ERROR',
      'SERVICE_UNAVAILABLE',
      'SMS_UNAVAILABLE',
    ]);
  });

  it.each([
    ['WRONG_STATE', true],
    ['NOT_A_CODE', false],
    ['toString', false],
    [42, false],
    [undefined, false],
  ])('isErrorCode(%p) → %p', (value, expected) => {
    expect(isErrorCode(value)).toBe(expected);
  });

  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHENTICATED'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [422, 'VALIDATION_FAILED'],
    [429, 'RATE_LIMITED'],
    [503, 'SERVICE_UNAVAILABLE'],
    [418, undefined],
    [500, undefined],
  ])('genericCodeForStatus(%i) → %p, and that code answers with the same status', (status, code) => {
    expect(genericCodeForStatus(status)).toBe(code);
    if (code) expect(statusOf(code as ErrorCode)).toBe(status);
  });
});
