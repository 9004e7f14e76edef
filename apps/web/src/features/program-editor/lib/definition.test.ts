import { describe, expect, it } from 'vitest';
import {
  ProgramDefinitionError,
  getCatalogueProgram,
  loadProgramDefinition,
  programCatalogue,
  type ProgramDefinition,
} from '@huanxin/shared';
import { checkDefinition } from './check-definition';
import { diffDefinitions, rowContext } from './definition-diff';
import { locatePointer } from './editor-schema';

const car = () => structuredClone(getCatalogueProgram('car-replace-2026')!) as ProgramDefinition;

describe('diffDefinitions', () => {
  it('is empty for the same definition, and ignores the version number', () => {
    expect(diffDefinitions(car(), { ...car(), version: 7 })).toEqual([]);
  });

  it('finds a changed NEV cap inside the formula, by its pointer and part', () => {
    const after = car();
    const formula = (after.amount as { cases: Array<{ formula: { capFen: number } }> }).cases[0]!.formula;
    formula.capFen = 2_000_000;
    expect(diffDefinitions(car(), after)).toEqual([
      {
        path: '/amount/cases/0/formula/capFen',
        part: 'amount',
        kind: 'changed',
        before: 1_500_000,
        after: 2_000_000,
      },
    ]);
  });

  it('reports added and removed leaves, in the draft order, with the clause they are in', () => {
    const before = car();
    const after = car();
    after.stacksWith = ['car-scrap-2026'];
    after.clauses[1]!.usesHistory = false;
    delete after.summary;
    const rows = diffDefinitions(before, after);
    expect(rows).toEqual([
      { path: '/stacksWith/0', part: 'general', kind: 'added', after: 'car-scrap-2026' },
      { path: '/clauses/1/usesHistory', part: 'clauses', kind: 'added', after: false },
      { path: '/summary/zh', part: 'general', kind: 'removed', before: before.summary!.zh },
      { path: '/summary/en', part: 'general', kind: 'removed', before: before.summary!.en },
      { path: '/stacksWith', part: 'general', kind: 'removed', before: [] },
    ]);
    expect(rowContext(rows[1]!, after, before)).toBe('ownership');
    expect(rowContext(rows[0]!, after, before)).toBeNull();
  });
});

describe('locatePointer', () => {
  it.each<[string, string, string[], string]>([
    ['/closesOn', 'general', ['closesOn'], ''],
    ['/budget/totalFen', 'budget', ['budget', 'totalFen'], ''],
    ['/clauses/3/test/if/1/===/0/var', 'clauses', ['clauses', '3', 'test'], '/if/1/===/0/var'],
    ['/clauses/0/title/zh', 'clauses', ['clauses', '0', 'title', 'zh'], ''],
    ['/amount/cases/0/formula/capFen', 'amount', ['amount', 'cases', '0', 'formula', 'capFen'], ''],
    ['/amount/cases/1/when/==/0', 'amount', ['amount', 'cases', '1', 'when'], '/==/0'],
    ['/settings/lottery/drawTime', 'settings', ['settings', 'lottery', 'drawTime'], ''],
    ['/settings/bogus', 'settings', ['settings'], '/bogus'],
    ['/factFields/2/path', 'factFields', ['factFields', '2', 'path'], ''],
    ['', 'general', [], ''],
  ])('%j → %s %j inside %j', (pointer, part, fieldPath, inside) => {
    expect(locatePointer(pointer, car())).toEqual({ part, fieldPath, inside });
  });
});

/** What the server says (`loadProgramDefinition`, ajv + semantics) for a definition: the bad node or null. */
function serverPath(def: unknown): string | null {
  try {
    loadProgramDefinition(def);
    return null;
  } catch (error) {
    if (error instanceof ProgramDefinitionError) return error.path;
    throw error;
  }
}

describe('checkDefinition (the editor check before saving)', () => {
  it('passes every catalogue program, as the server does', () => {
    for (const p of programCatalogue)
      expect(checkDefinition(structuredClone(p) as ProgramDefinition)).toEqual([]);
  });

  it.each<[string, (d: ProgramDefinition) => void]>([
    ['an unknown operator in a clause', (d) => void (d.clauses[2]!.test = { bogus: [1] })],
    ['an undeclared fact', (d) => void (d.clauses[0]!.test = { '==': [{ var: 'nothing.here' }, 1] })],
    ['a window that ends before it starts', (d) => void (d.closesOn = '2020-01-01')],
    ['a negative budget', (d) => void (d.budget.totalFen = -1)],
    ['a bad clause reason', (d) => void (d.clauses[1]!.reason = 'lower case')],
    ['a bad date in the window', (d) => void (d.opensOn = '2026-1-1')],
  ])('%s: the same path as the server', (_name, corrupt) => {
    const def = car();
    corrupt(def);
    const expected = serverPath(structuredClone(def));
    expect(expected).not.toBeNull();
    const issues = checkDefinition(def);
    expect(issues.map((i) => i.path)).toContain(expected);
  });
});
