/** Pure helpers on a program's fact fields, used by the eligibility form and the application review. */
import type { FactField } from '@huanxin/shared';

/** The value at a dotted path (`group.key`), or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * The field's label in the current language. Money facts are integer fen, but residents type yuan: a "(fen)"
 * unit in a money field's label is shown as yuan, matching the input.
 */
export function fieldLabel(field: FactField, language: string): string {
  const text = language === 'en' ? field.label.en || field.label.zh : field.label.zh || field.label.en;
  if (field.type !== 'money') return text;
  return text
    .replace(/（分）/g, '（元）')
    .replace(/，分）/g, '，元）')
    .replace(/\(fen\)/gi, '(yuan)');
}
