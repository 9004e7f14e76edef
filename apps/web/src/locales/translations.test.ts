import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  ErrorCode,
  FactErrorCode,
  FieldErrorCode,
  PROGRAM_KINDS,
  ValidationCode,
  ClauseReason,
  programCatalogue,
} from '@huanxin/shared';
import { resources } from '@/locales';

type Tree = { [key: string]: string | Tree };
const has = (tree: unknown, path: string): boolean => {
  let cur: unknown = tree;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || !(key in cur)) return false;
    cur = (cur as Tree)[key];
  }
  return typeof cur === 'string' && cur.length > 0;
};

const languages = ['zh-CN', 'en'] as const;

describe.each(languages)('%s translations cover every code the shared package can produce', (lang) => {
  const r = resources[lang];

  it.each(Object.values(ErrorCode))('errors:%s', (code) => {
    expect(has(r.errors, code)).toBe(true);
  });

  it.each([
    ...new Set([
      ...Object.values(FieldErrorCode),
      ...Object.values(FactErrorCode),
      ...Object.values(ValidationCode),
    ]),
  ])('errors:field.%s', (code) => {
    expect(has(r.errors, `field.${code}`)).toBe(true);
  });

  // Codes only the web's own form rules produce (sign-in code format, minimum lengths).
  it.each(['OTP_FORMAT', 'TOO_SHORT'])('errors:field.%s (web form rules)', (code) => {
    expect(has(r.errors, `field.${code}`)).toBe(true);
  });

  it.each(Object.values(ClauseReason))('eligibility:reason.%s', (code) => {
    expect(has(r.eligibility, `reason.${code}`)).toBe(true);
  });

  it.each([...new Set(programCatalogue.flatMap((p) => p.clauses.map((c) => c.reason)))])(
    'clause failure reason %s',
    (code) => {
      expect(has(r.eligibility, `reason.${code}`)).toBe(true);
    },
  );

  it.each([...new Set(programCatalogue.flatMap((p) => p.factFields.map((f) => f.group)))])(
    'form group %s',
    (group) => {
      expect(has(r.eligibility, `groups.${group}`)).toBe(true);
    },
  );

  it.each([...PROGRAM_KINDS])('program kind %s', (kind) => {
    expect(has(r.programs, `kind.${kind}`)).toBe(true);
  });

  it.each([...APPLICATION_STATUSES])('application status %s', (status) => {
    expect(has(r.applications, `status.${status}`)).toBe(true);
  });

  it.each(['sourced', 'unverified', 'sample'])('provenance %s has a label and an explanation', (p) => {
    expect(has(r.programs, `provenance.${p}.label`) && has(r.programs, `provenance.${p}.explanation`)).toBe(
      true,
    );
  });
});
