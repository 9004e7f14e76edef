/**
 * A rule "in words": the JsonLogic of a clause (or a formula leaf) read out in Chinese or English, so an
 * administrator can check what a test says without reading JSON. The phrases live in the `editor`
 * namespace (`rule.*`); the operators are the shared ones (`RULE_OPERATORS`), and anything outside that
 * set is named as unknown rather than guessed at — the server refuses it on save anyway.
 */
import type { TFunction } from 'i18next';
import { RULE_OPERATORS, RESERVED_PATHS, type FactField } from '@huanxin/shared';

export interface RuleWordsOptions {
  t: TFunction;
  language: string;
  /** The definition's fact fields, to name a `var` by its label. */
  factFields?: readonly Pick<FactField, 'path' | 'label'>[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Operators whose arguments are joined by one word (`a 且 b 且 c`). */
const JOINED = new Set(['and', 'or', '+', '-', '*', '/', '%', 'cat']);
const COMPARISONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=']);
const DATE_COMPARISONS = new Set(['dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter']);

/** The rule in words. Never throws: an odd node is shown as JSON. */
export function ruleInWords(rule: unknown, options: RuleWordsOptions): string {
  return words(rule as Json, options, false);
}

function factName(path: string, { t, language, factFields }: RuleWordsOptions): string {
  const field = factFields?.find((f) => f.path === path);
  if (field) return t('editor:rule.fact', { name: language === 'en' ? field.label.en : field.label.zh });
  if (RESERVED_PATHS.has(path)) return t(`editor:rule.reserved.${path.replace(/\./g, '_')}`);
  const setting = /^program\.settings\.([A-Za-z0-9]+)$/.exec(path);
  if (setting) return t('editor:rule.setting', { name: setting[1] });
  return t('editor:rule.fact', { name: path });
}

function literal(value: Json, options: RuleWordsOptions): string {
  if (typeof value === 'string') return options.t('editor:rule.text', { value });
  if (value === null) return options.t('editor:rule.null');
  if (typeof value === 'boolean') return options.t(value ? 'editor:rule.true' : 'editor:rule.false');
  if (typeof value === 'number') return value.toLocaleString(options.language === 'en' ? 'en' : 'zh-CN');
  return JSON.stringify(value);
}

function list(items: Json[], options: RuleWordsOptions): string {
  return items.map((i) => words(i, options, true)).join(options.t('editor:rule.listSeparator'));
}

function words(rule: Json, options: RuleWordsOptions, nested: boolean): string {
  const { t } = options;
  if (Array.isArray(rule)) return t('editor:rule.list', { items: list(rule, options) });
  if (!isObject(rule)) return literal(rule, options);
  const keys = Object.keys(rule);
  if (keys.length !== 1) return JSON.stringify(rule);
  const op = keys[0] as string;
  const raw = rule[op] as Json;
  const args: Json[] = Array.isArray(raw) ? raw : [raw];
  const w = (i: number) => words(args[i] ?? null, options, true);
  if (!RULE_OPERATORS.has(op)) return t('editor:rule.unknown', { op, args: JSON.stringify(raw) });

  let out: string;
  if (op === 'var' || op === 'present') {
    const path = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
    out = op === 'var' ? factName(path, options) : t('editor:rule.present', { a: factName(path, options) });
    return out; // atoms: never bracketed
  } else if (JOINED.has(op)) {
    out = args.map((_, i) => w(i)).join(t(`editor:rule.join.${joinKey(op)}`));
  } else if (COMPARISONS.has(op) && args.length === 3 && (op === '<' || op === '<=')) {
    out = t(`editor:rule.between.${op === '<' ? 'open' : 'closed'}`, { a: w(1), b: w(0), c: w(2) });
  } else if (COMPARISONS.has(op) || DATE_COMPARISONS.has(op) || op === 'startsWith') {
    out = t(`editor:rule.op.${opKey(op)}`, { a: w(0), b: w(1) });
  } else if (op === 'in') {
    out = Array.isArray(args[1])
      ? t('editor:rule.op.inList', { a: w(0), b: list(args[1], options) })
      : t('editor:rule.op.inText', { a: w(0), b: w(1) });
  } else if (op === '!' || op === '!!') {
    out = t(`editor:rule.op.${op === '!' ? 'not' : 'truthy'}`, { a: w(0) });
  } else if (op === 'if' || op === '?:') {
    out = ifChain(args, options);
  } else if (op === '??') {
    out = t('editor:rule.op.coalesce', { a: w(0), b: w(1) });
  } else if (op === 'min' || op === 'max') {
    out = t(`editor:rule.op.${op}`, { items: list(args, options) });
  } else if (op === 'substr') {
    out = t('editor:rule.op.substr', { a: w(0), b: w(1), c: args.length > 2 ? w(2) : '…' });
  } else if (op === 'dateBetween') {
    out = t('editor:rule.op.dateBetween', { a: w(0), b: w(1), c: w(2) });
  } else if (op === 'inWindow' || op === 'yearOf') {
    out = t(`editor:rule.op.${op}`, { a: w(0) });
  } else if (op === 'addDays' || op === 'addYears' || op === 'ageOn' || op === 'percentOf') {
    const b = op === 'percentOf' && typeof args[1] === 'number' ? String(args[1] / 100) : w(1);
    out = t(`editor:rule.op.${op}`, { a: w(0), b });
  } else if (op === 'band') {
    out = t('editor:rule.op.band', { a: w(0), b: w(1), c: w(2) });
  } else if (op === 'historyCount' || op === 'historySum') {
    out = t(`editor:rule.op.${op}`, { filter: historyFilter(args[0] ?? null, options) });
  } else {
    out = t('editor:rule.unknown', { op, args: JSON.stringify(raw) });
  }
  return nested ? t('editor:rule.group', { a: out }) : out;
}

function joinKey(op: string): string {
  return {
    and: 'and',
    or: 'or',
    '+': 'plus',
    '-': 'minus',
    '*': 'times',
    '/': 'over',
    '%': 'mod',
    cat: 'cat',
  }[op] as string;
}

function opKey(op: string): string {
  return (
    (
      {
        '==': 'eq',
        '===': 'eq',
        '!=': 'ne',
        '!==': 'ne',
        '<': 'lt',
        '<=': 'le',
        '>': 'gt',
        '>=': 'ge',
      } as Record<string, string>
    )[op] ?? op
  );
}

/** `if: [c1, a, c2, b, else]` → "if c1 then a; else if c2 then b; otherwise else". */
function ifChain(args: Json[], options: RuleWordsOptions): string {
  const { t } = options;
  const parts: string[] = [];
  let i = 0;
  for (; i + 1 < args.length; i += 2) {
    parts.push(
      t(i === 0 ? 'editor:rule.op.if' : 'editor:rule.op.elseIf', {
        a: words(args[i] ?? null, options, true),
        b: words(args[i + 1] ?? null, options, true),
      }),
    );
  }
  if (i < args.length) parts.push(t('editor:rule.op.else', { a: words(args[i] ?? null, options, true) }));
  return parts.join(t('editor:rule.clauseSeparator'));
}

function historyFilter(filter: Json, options: RuleWordsOptions): string {
  const { t } = options;
  if (!isObject(filter)) return '';
  const parts: string[] = [];
  if (typeof filter.program === 'string') parts.push(t(`editor:rule.history.program.${filter.program}`));
  if (Array.isArray(filter.kinds))
    parts.push(t('editor:rule.history.kinds', { kinds: filter.kinds.join(t('editor:rule.listSeparator')) }));
  if (filter.scope === 'all') parts.push(t('editor:rule.history.scopeAll'));
  if (filter.excludeStacking === true) parts.push(t('editor:rule.history.excludeStacking'));
  if (isObject(filter.where))
    for (const [field, value] of Object.entries(filter.where))
      parts.push(t('editor:rule.history.where', { field, value: words(value, options, true) }));
  return parts.join(t('editor:rule.listSeparator'));
}
