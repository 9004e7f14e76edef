import { describe, expect, it } from 'vitest';
import { getCatalogueProgram, programCatalogue } from '@huanxin/shared';
import { createI18n } from '@/lib/i18n';
import { ruleInWords } from './rule-words';

const car = getCatalogueProgram('car-replace-2026')!;
const zh = createI18n('zh-CN');
const en = createI18n('en');
const inZh = (rule: unknown) => ruleInWords(rule, { t: zh.t, language: 'zh-CN', factFields: car.factFields });
const inEn = (rule: unknown) => ruleInWords(rule, { t: en.t, language: 'en', factFields: car.factFields });
const priceLabel = car.factFields.find((f) => f.path === 'newVehicle.priceFen')!.label;
const powertrain = car.factFields.find((f) => f.path === 'newVehicle.powertrain')!.label;

describe('a rule in words', () => {
  it.each<[string, unknown, string, string]>([
    [
      'a comparison names the fact by its label',
      { '>=': [{ var: 'newVehicle.priceFen' }, 100] },
      `「${priceLabel.zh}」 不小于 100`,
      `“${priceLabel.en}” is at least 100`,
    ],
    [
      'and / or nest with brackets',
      {
        and: [{ '==': [{ var: 'newVehicle.powertrain' }, 'nev'] }, { or: [true, { '!': { var: 'asOf' } }] }],
      },
      `（「${powertrain.zh}」 等于 “nev”） 且 （是 或 （并非 评估日期））`,
      `(“${powertrain.en}” equals "nev") and (yes or (not the evaluation date))`,
    ],
    [
      'in a list',
      { in: [{ var: 'asOf' }, ['a', 'b']] },
      '评估日期 属于 “a”、“b” 之一',
      'the evaluation date is one of "a", "b"',
    ],
    [
      'three-argument between',
      { '<=': [1, { var: 'applicant.age' }, 60] },
      '申请人年龄 在 1 与 60 之间（含两端）',
      "the applicant's age is between 1 and 60 (inclusive)",
    ],
    [
      'a date operator',
      { dateBefore: [{ var: 'asOf' }, '2026-01-01'] },
      '评估日期 早于 “2026-01-01”',
      'the evaluation date is before "2026-01-01"',
    ],
    [
      'percentOf reads basis points as a percentage',
      { percentOf: [{ var: 'newVehicle.priceFen' }, 800] },
      `「${priceLabel.zh}」 的 8%`,
      `8% of “${priceLabel.en}”`,
    ],
    ['present', { present: 'asOf' }, '已填写评估日期', 'the evaluation date is filled in'],
    [
      'an undeclared fact is shown by its path',
      { var: 'nothing.here' },
      '「nothing.here」',
      '“nothing.here”',
    ],
    [
      'a setting',
      { var: 'program.settings.oldItemRequired' },
      '项目设置「oldItemRequired」',
      'the program setting “oldItemRequired”',
    ],
    [
      'an unknown operator is named, not guessed',
      { map: [[1], 2] },
      '未知运算符 map（[[1],2]）',
      'unknown operator map ([[1],2])',
    ],
    [
      'if / else if / else',
      { if: [{ var: 'asOf' }, 1, false, 2, 3] },
      '如果 评估日期，则 1；否则如果 否，则 2；否则 3',
      'if the evaluation date then 1; else if no then 2; otherwise 3',
    ],
    [
      'a history count with its filter',
      { '<': [{ historyCount: { program: 'same', where: { year: { var: 'program.year' } } } }, 1] },
      '（申请历史中符合条件（本项目、year 等于 项目年度）的申请数） 小于 1',
      '(the number of claims in the history matching (this program, year equals the program year)) is less than 1',
    ],
    ['a literal', 42, '42', '42'],
  ])('%s', (_name, rule, zhText, enText) => {
    expect(inZh(rule)).toBe(zhText);
    expect(inEn(rule)).toBe(enText);
  });

  it('reads every clause of the catalogue without an unknown operator or a missing phrase', () => {
    for (const p of programCatalogue)
      for (const c of p.clauses)
        for (const rule of [c.test, c.applicability].filter((r) => r !== undefined)) {
          const words = {
            zh: ruleInWords(rule, { t: zh.t, language: 'zh-CN', factFields: p.factFields }),
            en: ruleInWords(rule, { t: en.t, language: 'en', factFields: p.factFields }),
          };
          expect(words.zh).not.toMatch(/未知运算符|editor:|rule\./);
          expect(words.en).not.toMatch(/unknown operator|editor:|rule\./);
        }
  });
});
