import type { MatrixSource } from '@huanxin/shared';
import type { MatrixCase, MatrixValue } from './matrix-source';
import { judge, MatrixRegistry } from './matrix.registry';

const kase = {} as MatrixCase;
const source = (name: MatrixSource, values: MatrixValue[]) => ({ source: name, values: async () => values });

describe('field matrix', () => {
  it.each<[string, (string | number | boolean | null | undefined)[], string]>([
    ['one source only', ['LSJA24U62JG269225'], 'insufficient'],
    ['no value at all', [null, undefined, ''], 'insufficient'],
    ['one value and a missing one', ['A', null], 'insufficient'],
    ['equal values', ['LSJA24U62JG269225', 'LSJA24U62JG269225'], 'match'],
    ['equal once normalised (case, spaces, dashes)', ['lsja24u62jg269225', 'LSJA 24U6-2JG269225'], 'match'],
    ['equal numbers', [300_000, 300_000], 'match'],
    ['different values', ['26370000000000000250', '26370000000000000251'], 'conflict'],
    ['one of three differs', ['A', 'A', 'B'], 'conflict'],
    ['a number and its text differ', [300_000, '300000'], 'conflict'],
  ])('%s %j → %s', (_name, values, result) => {
    expect(judge(values)).toBe(result);
  });

  it('lines sources up by field, compares blind indexes instead of masked values, conflicts first', async () => {
    const registry = new MatrixRegistry([
      source('claim', [
        { field: 'item.invoiceNo', value: '26370000000000000250' },
        { field: 'applicant.idNumber', value: '3701**********1234', compareAs: 'bidx-1' },
      ]),
      source('profile', [{ field: 'applicant.idNumber', value: '3701**********1234', compareAs: 'bidx-2' }]),
    ]);
    expect(await registry.build(kase)).toEqual([
      {
        field: 'applicant.idNumber',
        values: [
          { source: 'claim', value: '3701**********1234' },
          { source: 'profile', value: '3701**********1234' },
        ],
        result: 'conflict',
      },
      {
        field: 'item.invoiceNo',
        values: [{ source: 'claim', value: '26370000000000000250' }],
        result: 'insufficient',
      },
    ]);
  });

  it('a new source is one registration; registering a source again replaces it', async () => {
    const registry = new MatrixRegistry([
      source('claim', [{ field: 'newVehicle.vin', value: 'LSJA24U62JG269225' }]),
    ]);
    registry.register(source('dealer_sale', [{ field: 'newVehicle.vin', value: 'LDC613P23A1305189' }]));
    expect((await registry.build(kase))[0]!.result).toBe('conflict');
    registry.register(source('dealer_sale', [{ field: 'newVehicle.vin', value: 'LSJA24U62JG269225' }]));
    expect(registry.sources).toEqual(['claim', 'dealer_sale']);
    expect((await registry.build(kase))[0]!.result).toBe('match');
    registry.unregister('dealer_sale');
    expect((await registry.build(kase))[0]!.result).toBe('insufficient');
  });
});
