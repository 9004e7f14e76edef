import { getCatalogueProgram, loadProgramDefinition, ProgramDefinitionError } from '../src/programs';

type Json = Record<string, unknown>;
const base = (): Json => JSON.parse(JSON.stringify(getCatalogueProgram('car-scrap-2026'))) as Json;

function rejects(
  mutate: (d: Json & { clauses: Json[]; factFields: Json[]; amount: Json }) => void,
): ProgramDefinitionError {
  const d = base() as Json & { clauses: Json[]; factFields: Json[]; amount: Json };
  mutate(d);
  try {
    loadProgramDefinition(d);
  } catch (e) {
    if (e instanceof ProgramDefinitionError) return e;
    throw e;
  }
  throw new Error('expected a ProgramDefinitionError');
}

describe('loadProgramDefinition rejects malformed definitions with the path of the bad node', () => {
  it.each<[string, (d: Json & { clauses: Json[]; factFields: Json[]; amount: Json }) => void, string]>([
    ['missing code', (d) => delete d.code, '/code'],
    ['version not an integer', (d) => (d.version = 1.5), '/version'],
    ['unknown top-level property', (d) => (d.colour = 'red'), '/colour'],
    ['bad provenance', (d) => (d.clauses[2]!.provenance = 'rumour'), '/clauses/2/provenance'],
    ['clause without a test', (d) => delete d.clauses[1]!.test, '/clauses/1/test'],
    ['reason not a code', (d) => (d.clauses[0]!.reason = 'not eligible'), '/clauses/0/reason'],
    ['unknown fact type', (d) => (d.factFields[3]!.type = 'datetime'), '/factFields/3/type'],
    ['negative budget', (d) => (d.budget = { totalFen: -1 }), '/budget/totalFen'],
    [
      'unknown operator in a test',
      (d) => (d.clauses[3]!.test = { and: [true, { frobnicate: [1] }] }),
      '/clauses/3/test/and/1/frobnicate',
    ],
    [
      'undeclared fact in a test',
      (d) => (d.clauses[0]!.test = { in: [{ var: 'oldVehicle.colour' }, ['red']] }),
      '/clauses/0/test/in/0/var',
    ],
    [
      'iterator operators are not in the language',
      (d) => (d.clauses[0]!.test = { some: [[1], true] }),
      '/clauses/0/test/some',
    ],
    [
      'history operator without usesHistory',
      (d) => (d.clauses[0]!.test = { '==': [{ historyCount: { program: 'same' } }, 0] }),
      '/clauses/0/test/==/0/historyCount',
    ],
    [
      'bad history filter key',
      (d) => (d.clauses[7]!.test = { '==': [{ historyCount: { program: 'same', colour: 'red' } }, 0] }),
      '/clauses/7/test/==/0/historyCount/colour',
    ],
    [
      'unknown history where field',
      (d) =>
        (d.clauses[7]!.test = {
          '==': [{ historyCount: { where: { plate: { var: 'oldVehicle.plate' } } } }, 0],
        }),
      '/clauses/7/test/==/0/historyCount/where/plate',
    ],
    ['usesHistory but no history read', (d) => (d.clauses[7]!.test = true), '/clauses/7/usesHistory'],
    ['duplicate clause id', (d) => (d.clauses[1]!.id = d.clauses[0]!.id), '/clauses/1/id'],
    ['closesOn before opensOn', (d) => (d.closesOn = '2025-12-31'), '/closesOn'],
    ['not a real date', (d) => (d.opensOn = '2026-02-30'), '/opensOn'],
    ['enum field without options', (d) => delete d.factFields[2]!.options, '/factFields/2/options'],
    ['reserved fact group', (d) => (d.factFields[0]!.path = 'program.vin'), '/factFields/0/path'],
    ['amount formula of unknown type', (d) => (d.amount = { type: 'lottery' }), '/amount/type'],
    [
      'uncapped percent',
      (d) => (d.amount = { type: 'percent', of: { var: 'newVehicle.priceFen' }, basisPoints: 1200 }),
      '/amount',
    ],
    [
      'percent above 100 %',
      (d) =>
        (d.amount = { type: 'percent', of: { var: 'newVehicle.priceFen' }, basisPoints: 12_000, capFen: 1 }),
      '/amount/basisPoints',
    ],
    [
      'undeclared fact in the amount',
      (d) =>
        ((d.amount as { cases: Array<{ when: unknown }> }).cases[0]!.when = { var: 'newVehicle.colour' }),
      '/amount/cases/0/when/var',
    ],
    [
      'bands out of order',
      (d) =>
        (d.amount = {
          type: 'bands',
          by: { var: 'newVehicle.priceFen' },
          bands: [
            { minFen: 100, formula: { type: 'fixed', fen: 1 } },
            { minFen: 0, formula: { type: 'fixed', fen: 2 } },
          ],
        }),
      '/amount/bands/1/minFen',
    ],
    [
      'stage without an end before the last',
      (d) =>
        (d.amount = {
          type: 'stages',
          by: { var: 'scrap.scrappedOn' },
          stages: [
            { formula: { type: 'fixed', fen: 1 } },
            { through: '2026-06-30', formula: { type: 'fixed', fen: 2 } },
          ],
        }),
      '/amount/stages/0',
    ],
    [
      'claim key on an undeclared fact',
      (d) => ((d.claimKeys as Json[])[0]!.path = 'newVehicle.colour'),
      '/claimKeys/0/path',
    ],
    [
      'fixed amount in a formula branch not an integer',
      (d) => (d.amount = { type: 'fixed', fen: 1.5 }),
      '/amount/fen',
    ],
  ])('%s → %s', (_name, mutate, path) => {
    const e = rejects(mutate);
    expect(e.path).toBe(path);
    expect(e.code).toBe('INVALID_PROGRAM_DEFINITION');
    expect(e.message).toContain(path);
  });

  it('accepts a valid definition and returns an independent copy', () => {
    const d = base();
    const loaded = loadProgramDefinition(d);
    expect(loaded).toEqual(d);
    expect(loaded).not.toBe(d);
  });

  it('rejects non-objects', () => {
    expect(() => loadProgramDefinition(null)).toThrow(ProgramDefinitionError);
    expect(() => loadProgramDefinition('car-scrap-2026')).toThrow(ProgramDefinitionError);
  });
});
