/** Checks a definition that passed the JSON Schema: dates, uniqueness, rules, formula shape. No ajv here. */
import { maxAmountFen } from '../eligibility/engine';
import { checkHistoryFilter, checkRule, readsHistory, RESERVED_ROOTS } from '../eligibility/rules';
import { isIsoDate } from '../validators/dates';
import { ProgramDefinitionError } from './definition-error';
import type { AmountFormula, ProgramDefinition } from './types';

function fail(path: string, message: string): never {
  throw new ProgramDefinitionError(message, path);
}

function checkFormula(f: AmountFormula, p: string, declared: ReadonlySet<string>): void {
  const noHistory = { declaredPaths: declared, allowHistory: false };
  const rule = (r: unknown, rp: string): void => {
    const issue = checkRule(r, rp, noHistory);
    if (issue) fail(issue.path, issue.message);
  };
  switch (f.type) {
    case 'fixed':
      return;
    case 'percent':
    case 'actual':
      rule(f.of, `${p}/of`);
      return;
    case 'bands':
      rule(f.by, `${p}/by`);
      f.bands.forEach((b, i) => {
        const prev = f.bands[i - 1];
        if (prev && b.minFen <= prev.minFen)
          fail(`${p}/bands/${i}/minFen`, 'bands must be in ascending minFen order');
        checkFormula(b.formula, `${p}/bands/${i}/formula`, declared);
      });
      return;
    case 'stages':
      rule(f.by, `${p}/by`);
      f.stages.forEach((s, i) => {
        const last = i === f.stages.length - 1;
        if (s.through === undefined && !last)
          fail(`${p}/stages/${i}`, 'only the last stage may omit "through"');
        if (s.through !== undefined) {
          if (!isIsoDate(s.through)) fail(`${p}/stages/${i}/through`, 'not a real date');
          const prev = f.stages[i - 1]?.through;
          if (prev !== undefined && s.through <= prev)
            fail(`${p}/stages/${i}/through`, 'stages must be in date order');
        }
        checkFormula(s.formula, `${p}/stages/${i}/formula`, declared);
      });
      return;
    case 'choose':
      f.cases.forEach((c, i) => {
        rule(c.when, `${p}/cases/${i}/when`);
        checkFormula(c.formula, `${p}/cases/${i}/formula`, declared);
      });
      if (f.otherwise) checkFormula(f.otherwise, `${p}/otherwise`, declared);
      return;
    case 'sum':
      f.parts.forEach((part, i) => checkFormula(part, `${p}/parts/${i}`, declared));
      return;
    case 'capped':
      checkFormula(f.formula, `${p}/formula`, declared);
      (f.historyCaps ?? []).forEach((h, i) => {
        const issue = checkHistoryFilter(h.filter, `${p}/historyCaps/${i}/filter`, noHistory);
        if (issue) fail(issue.path, issue.message);
      });
      return;
  }
}

export function checkDefinitionSemantics(def: ProgramDefinition): void {
  if (!isIsoDate(def.opensOn)) fail('/opensOn', 'not a real date');
  if (!isIsoDate(def.closesOn)) fail('/closesOn', 'not a real date');
  if (def.closesOn < def.opensOn) fail('/closesOn', 'closesOn is before opensOn');
  if (def.stacksWith.includes(def.code)) fail('/stacksWith', 'a program cannot stack with itself');

  const declared = new Set<string>();
  def.factFields.forEach((f, i) => {
    if (declared.has(f.path)) fail(`/factFields/${i}/path`, `duplicate fact path "${f.path}"`);
    if (RESERVED_ROOTS.has(f.path.split('.')[0] ?? ''))
      fail(
        `/factFields/${i}/path`,
        'reserved name (asOf, applicant, program, participatingDealers, history)',
      );
    if (f.type === 'enum' && !f.options) fail(`/factFields/${i}/options`, 'an enum field needs options');
    if (f.type !== 'enum' && f.options) fail(`/factFields/${i}/options`, 'only enum fields have options');
    if (f.validator && f.type !== 'string')
      fail(`/factFields/${i}/validator`, 'validators apply to string fields');
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      fail(`/factFields/${i}/max`, 'max is below min');
    declared.add(f.path);
  });
  for (const p of declared) {
    for (const q of declared)
      if (q.startsWith(`${p}.`)) fail('/factFields', `"${p}" is both a value and a group`);
  }

  def.claimKeys.forEach((k, i) => {
    if (!declared.has(k.path)) fail(`/claimKeys/${i}/path`, `fact "${k.path}" is not declared in factFields`);
  });
  for (const [name, path] of Object.entries(def.historyFields ?? {})) {
    if (path !== undefined && !declared.has(path))
      fail(`/historyFields/${name}`, `fact "${path}" is not declared in factFields`);
  }
  const docKinds = new Set<string>();
  def.documents.forEach((d, i) => {
    if (docKinds.has(d.kind)) fail(`/documents/${i}/kind`, `duplicate document kind "${d.kind}"`);
    docKinds.add(d.kind);
  });

  const ids = new Set<string>();
  def.clauses.forEach((c, i) => {
    if (ids.has(c.id)) fail(`/clauses/${i}/id`, `duplicate clause id "${c.id}"`);
    ids.add(c.id);
    if (c.applicability !== undefined) {
      const issue = checkRule(c.applicability, `/clauses/${i}/applicability`, {
        declaredPaths: declared,
        allowHistory: false,
      });
      if (issue) fail(issue.path, issue.message);
    }
    const issue = checkRule(c.test, `/clauses/${i}/test`, {
      declaredPaths: declared,
      allowHistory: c.usesHistory === true,
    });
    if (issue) fail(issue.path, issue.message);
    if (c.usesHistory === true && !readsHistory(c.test))
      fail(`/clauses/${i}/usesHistory`, 'usesHistory is set but the test reads no history');
  });

  checkFormula(def.amount, '/amount', declared);
  if (!Number.isFinite(maxAmountFen(def.amount)))
    fail('/amount', 'the amount formula has an uncapped branch (percent/actual without capFen)');
  // Vouchers by lottery (operations.md §5): only at the point of sale, and with its rounds set.
  if (def.settings.allocationMode === 'lottery') {
    if (!def.settings.claimModes.includes('point_of_sale'))
      fail('/settings/allocationMode', 'a lottery allocates vouchers: claimModes needs point_of_sale');
    if (!def.settings.lottery) fail('/settings/lottery', 'a lottery program needs roundDays and drawTime');
  } else if (def.settings.lottery) {
    fail('/settings/lottery', 'lottery settings need allocationMode "lottery"');
  }
}
