import { describe, expect, it } from 'vitest';
import type { FactField } from '@huanxin/shared';
import { carScrap2026, carScrapFormValues, NEW_VIN } from '@/test/fixtures';
import {
  defaultFactValues,
  evaluateFacts,
  factsFromValues,
  fieldLabel,
  groupFactFields,
  inputToFact,
  validateFactInput,
  validationDefinition,
} from './use-fact-form';
import { compareResults } from '../lib/compare-results';

const field = (type: FactField['type'], extra: Partial<FactField> = {}): FactField => ({
  path: 'g.x',
  group: 'g',
  type,
  label: { zh: '字段', en: 'Field' },
  ...extra,
});

describe('form generation from fact fields', () => {
  it('groups the fields by group, in definition order', () => {
    const def = carScrap2026();
    const groups = groupFactFields(def.factFields);
    expect(groups.map((g) => g.group)).toEqual(['oldVehicle', 'scrap', 'newVehicle']);
    expect(groups.flatMap((g) => g.fields).length).toBe(def.factFields.length);
    expect(groups[0]?.fields[0]?.path).toBe('oldVehicle.vin');
  });

  it('starts text-like inputs empty and choices/switches unanswered', () => {
    const values = defaultFactValues(carScrap2026().factFields) as Record<string, Record<string, unknown>>;
    expect(values.oldVehicle?.vin).toBe('');
    expect(values.newVehicle?.priceFen).toBe('');
    expect('powertrain' in (values.newVehicle ?? {})).toBe(true);
    expect(values.newVehicle?.powertrain).toBeUndefined();
    expect(values.newVehicle?.ownerIsApplicant).toBeUndefined();
  });

  it('labels money fields in yuan, the unit residents type', () => {
    const price = carScrap2026().factFields.find((f) => f.path === 'newVehicle.priceFen');
    expect(price).toBeDefined();
    expect(fieldLabel(price as FactField, 'zh-CN')).toBe('新车价格（含税，元）');
    expect(fieldLabel(price as FactField, 'en')).toBe('New vehicle price incl. tax (yuan)');
  });
});

describe('input → fact conversion', () => {
  it.each([
    ['money', '120000', 12_000_000],
    ['money', '199.9', 19_990],
    ['money', '1,234.56', 123_456],
    ['integer', '4', 4],
    ['number', '1.5', 1.5],
    ['date', '2026-03-01', '2026-03-01'],
    ['enum', 'nev', 'nev'],
    ['string', '  鲁A12345 ', '鲁A12345'],
  ] as const)('%s %j → %j', (type, raw, value) => {
    expect(inputToFact(field(type), raw)).toEqual({ value });
  });

  it.each([
    ['money', '12.345', 'INVALID_MONEY'],
    ['money', 'abc', 'INVALID_MONEY'],
    ['integer', '4.5', 'EXPECTED_INTEGER'],
    ['number', '1.5L', 'EXPECTED_NUMBER'],
    ['date', '2026/03/01', 'EXPECTED_DATE'],
  ] as const)('%s %j is rejected with %s', (type, raw, error) => {
    expect(inputToFact(field(type), raw)).toEqual({ error });
  });

  it.each([[''], ['   '], [undefined], [null]])('%j is unanswered (the fact is missing)', (raw) => {
    expect(inputToFact(field('string'), raw)).toEqual({});
  });

  it('keeps booleans, including an explicit "no"', () => {
    expect(inputToFact(field('boolean'), false)).toEqual({ value: false });
    expect(inputToFact(field('boolean'), true)).toEqual({ value: true });
  });
});

describe('validation as you type, with the shared validators', () => {
  const def = carScrap2026();
  const byPath = (path: string) => def.factFields.find((f) => f.path === path) as FactField;

  it.each([
    ['newVehicle.vin', NEW_VIN, true],
    ['newVehicle.vin', 'LSGGF53W7GH123456', 'INVALID_CHECKSUM'],
    ['newVehicle.vin', 'LSGGF53W', 'INVALID_FORMAT'],
    ['oldVehicle.vin', 'LFV2A21K1G3012345', true], // an old VIN's bad check digit is only a warning
    ['oldVehicle.plate', '鲁A12345', true],
    ['oldVehicle.plate', 'ABC', 'INVALID_FORMAT'],
    ['newVehicle.invoiceNo', '25370000000012345678', true],
    ['newVehicle.invoiceNo', '12345', 'INVALID_FORMAT'],
    ['newVehicle.priceFen', '-5', 'BELOW_MIN'],
    ['newVehicle.priceFen', '12.345', 'INVALID_MONEY'],
    ['oldVehicle.firstRegisteredOn', '', true],
    ['oldVehicle.firstRegisteredOn', '2026-02-30', 'INVALID_DATE'],
    ['oldVehicle.vehicleType', 'truck', 'NOT_IN_OPTIONS'],
  ])('%s = %j → %j', (path, raw, expected) => {
    expect(def.factFields.some((x) => x.path === path)).toBe(true);
    expect(validateFactInput(def, byPath(path), raw, '2026-06-15')).toBe(expected);
  });

  it('works from fact fields alone when the server sent no full definition', () => {
    const shell = validationDefinition(def.factFields, undefined);
    expect(validateFactInput(shell, byPath('newVehicle.vin'), 'LSGGF53W7GH123456')).toBe('INVALID_CHECKSUM');
  });

  it('builds facts from valid inputs only, with normalised identifiers and money in fen', () => {
    const values = structuredClone(carScrapFormValues) as Record<string, Record<string, unknown>>;
    (values.newVehicle as Record<string, unknown>).vin = NEW_VIN.toLowerCase();
    (values.oldVehicle as Record<string, unknown>).plate = 'ABC';
    const { facts, errors, warnings } = factsFromValues(def, values, '2026-06-15');
    expect(errors).toEqual({ 'oldVehicle.plate': 'INVALID_FORMAT' });
    expect(warnings).toEqual({});
    const nv = facts.newVehicle as Record<string, unknown>;
    expect(nv.vin).toBe(NEW_VIN);
    expect(nv.priceFen).toBe(12_000_000);
    expect(nv.displacementL).toBe(1.5);
    expect((facts.oldVehicle as Record<string, unknown>).plate).toBeUndefined();
  });
});

describe('instant evaluation with the shared engine', () => {
  const def = carScrap2026();

  it('evaluates an empty form: every clause unknown, nothing fails, no crash', () => {
    const ev = evaluateFacts(def, def, defaultFactValues(def.factFields), '2026-06-15');
    expect(ev.result?.eligible).toBe(false);
    expect(ev.result?.clauses.some((c) => c.result === 'fail')).toBe(false);
    expect(ev.result?.clauses.every((c) => c.result === 'unknown' || c.result === 'not_applicable')).toBe(
      true,
    );
    expect(ev.result?.amountComplete).toBe(false);
  });

  it('a complete fuel-car case passes every clause but the history one, and earns 10 % of the price', () => {
    const ev = evaluateFacts(def, def, carScrapFormValues, '2026-06-15');
    const result = ev.result;
    expect(result).toBeDefined();
    const byId = Object.fromEntries((result?.clauses ?? []).map((c) => [c.id, c]));
    expect(byId['once-per-year']).toMatchObject({ result: 'unknown', reason: 'HISTORY_UNAVAILABLE' });
    expect(result?.clauses.filter((c) => c.result === 'fail')).toEqual([]);
    expect(result?.clauses.filter((c) => c.result === 'unknown').map((c) => c.id)).toEqual(['once-per-year']);
    expect(result?.amountFen).toBe(1_200_000);
    expect(result?.amountComplete).toBe(true);
  });

  it('names the failing fact: a car first registered after mid-2013 is too new', () => {
    const values = structuredClone(carScrapFormValues);
    values.oldVehicle.firstRegisteredOn = '2013-07-01';
    const ev = evaluateFacts(def, def, values, '2026-06-15');
    const clause = ev.result?.clauses.find((c) => c.id === 'old-vehicle-age');
    expect(clause).toMatchObject({ result: 'fail', reason: 'OLD_VEHICLE_TOO_NEW' });
    expect(clause?.facts).toContain('oldVehicle.firstRegisteredOn');
    expect(ev.result?.amountFen).toBe(0);
  });

  it('caps the fuel-car amount at ¥15,000', () => {
    const values = structuredClone(carScrapFormValues);
    values.newVehicle.priceFen = '300000';
    expect(evaluateFacts(def, def, values, '2026-06-15').result?.amountFen).toBe(1_500_000);
  });

  it('without a definition there is no instant result, but the facts are still built for the server', () => {
    const ev = evaluateFacts(
      undefined,
      validationDefinition(def.factFields, undefined),
      carScrapFormValues,
      '2026-06-15',
    );
    expect(ev.result).toBeUndefined();
    expect((ev.facts.newVehicle as Record<string, unknown>).priceFen).toBe(12_000_000);
  });

  it('compareResults finds no difference between identical answers and names the ones that differ', () => {
    const ev = evaluateFacts(def, def, carScrapFormValues, '2026-06-15');
    const result = ev.result;
    if (!result) throw new Error('no result');
    expect(compareResults(result, structuredClone(result))).toEqual([]);
    const other = structuredClone(result);
    other.amountFen += 1;
    (other.clauses[0] as { result: string }).result = 'fail';
    expect(compareResults(result, other)).toEqual(['amountFen', `clause:${result.clauses[0]?.id ?? ''}`]);
  });
});
