import {
  APPLICATION_STATUS_ZH,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  applicationCode,
  budgetEffect,
  canTransition,
  sniffDocumentType,
  type ApplicationStatus,
} from '../src';

const LEGAL: Array<[ApplicationStatus, ApplicationStatus]> = [
  ['draft', 'submitted'],
  ['draft', 'withdrawn'],
  ['draft', 'expired'],
  ['submitted', 'checking'],
  ['submitted', 'withdrawn'],
  ['checking', 'in_review'],
  ['checking', 'withdrawn'],
  ['in_review', 'returned'],
  ['in_review', 'approved'],
  ['in_review', 'rejected'],
  ['in_review', 'withdrawn'],
  ['returned', 'submitted'],
  ['returned', 'withdrawn'],
  ['returned', 'expired'],
  ['approved', 'paid'],
  // Goods returned to the dealer (operations.md §6): from every live state, even after payment.
  ['submitted', 'cancelled'],
  ['checking', 'cancelled'],
  ['in_review', 'cancelled'],
  ['returned', 'cancelled'],
  ['approved', 'cancelled'],
  ['paid', 'cancelled'],
];

describe('application state machine', () => {
  const all = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));
  const isLegal = (from: string, to: string) => LEGAL.some(([f, t]) => f === from && t === to);

  it.each(all.filter(([f, t]) => isLegal(f, t)))('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(all.filter(([f, t]) => !isLegal(f, t)))('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('has terminal states with no way out (a paid claim only to cancelled, by a return)', () => {
    for (const terminal of ['rejected', 'withdrawn', 'expired', 'cancelled'] as const)
      expect(APPLICATION_TRANSITIONS[terminal]).toEqual([]);
    expect(APPLICATION_TRANSITIONS.paid).toEqual(['cancelled']);
  });

  it.each([
    ['draft', 'submitted', 'reserve'],
    ['returned', 'submitted', 'keep'],
    ['in_review', 'returned', 'keep'],
    ['in_review', 'rejected', 'release'],
    ['checking', 'withdrawn', 'release'],
    ['returned', 'expired', 'release'],
    ['draft', 'expired', 'none'],
    ['draft', 'withdrawn', 'none'],
    ['in_review', 'approved', 'commit'],
    ['approved', 'paid', 'pay'],
    ['submitted', 'cancelled', 'release'],
    ['checking', 'cancelled', 'release'],
    ['in_review', 'cancelled', 'release'],
    ['returned', 'cancelled', 'release'],
    ['approved', 'cancelled', 'decommit'],
    ['paid', 'cancelled', 'none'],
  ] as const)('budget effect of %s → %s is %s', (from, to, effect) => {
    expect(budgetEffect(from, to)).toBe(effect);
  });

  it('names every status in Chinese, each differently (a notice or an export never confuses two)', () => {
    const names = APPLICATION_STATUSES.map((status) => APPLICATION_STATUS_ZH[status]);
    expect(names.every((name) => /^[\u4e00-\u9fff（）]+$/.test(name))).toBe(true);
    expect(new Set(names).size).toBe(APPLICATION_STATUSES.length);
    expect(Object.keys(APPLICATION_STATUS_ZH).sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it('formats readable codes', () => {
    expect(applicationCode(2026, 123)).toBe('ZQ-2026-000123');
  });
});

describe('sniffDocumentType', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  const zipWithFirstEntry = (name: string) => {
    const head = new Uint8Array(30 + name.length);
    head.set([0x50, 0x4b, 0x03, 0x04]);
    head[26] = name.length;
    head.set(
      [...name].map((c) => c.charCodeAt(0)),
      30,
    );
    return head;
  };

  it.each([
    ['PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'application/pdf'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['OFD', zipWithFirstEntry('OFD.xml'), 'application/ofd'],
  ])('recognises %s by its magic bytes', (_name, head, type) => {
    expect(sniffDocumentType(head)).toBe(type);
  });

  it.each([
    ['HTML renamed to .pdf', new TextEncoder().encode('<html><script>alert(1)</script>')],
    ['a plain ZIP', zipWithFirstEntry('evil.exe')],
    ['GIF', new TextEncoder().encode('GIF89a')],
    ['empty', new Uint8Array()],
  ])('refuses %s', (_name, head) => {
    expect(sniffDocumentType(head)).toBeNull();
  });
});
