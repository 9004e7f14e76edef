import { REVEAL_FIELDS, REVEAL_REASONS, REVEAL_REASON_CODES, revealAllowed } from '../src/reveal';

describe('reveal reasons: a published list, each justifying only the fields it needs', () => {
  it.each(REVEAL_REASONS.map((reason) => [reason.code, reason] as const))(
    '%s has a zh and an en title and names known fields',
    (_code, reason) => {
      expect(reason.title.zh.length).toBeGreaterThan(1);
      expect(reason.title.en.length).toBeGreaterThan(1);
      expect(reason.fields.length).toBeGreaterThan(0);
      for (const field of reason.fields) expect(REVEAL_FIELDS).toContain(field);
    },
  );

  it('codes are unique snake_case', () => {
    expect(new Set(REVEAL_REASON_CODES).size).toBe(REVEAL_REASONS.length);
    for (const code of REVEAL_REASON_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it.each([
    ['identity_check', 'idNumber', true],
    ['identity_check', 'bankAccount', false],
    ['bank_check', 'bankAccount', true],
    ['bank_check', 'idNumber', false],
    ['contact_applicant', 'phone', true],
    ['address_check', 'phone', false],
    ['no_such_reason', 'name', false],
  ])('revealAllowed(%s, %s) = %s', (reason, field, allowed) => {
    expect(revealAllowed(reason, field)).toBe(allowed);
  });
});
