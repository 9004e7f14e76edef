/**
 * The editor's field for a JsonLogic rule (a clause's test or applicability, a formula's `of` / `by` /
 * `when`): the rule as JSON, editable, beside the rule in words. Text that is not JSON stays in the box
 * with an error and is not passed on, so the draft always holds a parseable rule.
 */
import { useState } from 'react';
import { Input } from 'antd';
import type { FieldProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { FactField } from '@huanxin/shared';
import { ruleInWords } from '../lib/rule-words';

export interface EditorFormContext {
  factFields: readonly FactField[];
}

const pretty = (rule: unknown) => (rule === undefined ? '' : JSON.stringify(rule, null, 1));

/** Does the text already say this rule (whatever its spacing)? */
function sameRule(text: string, rule: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(rule);
  } catch {
    return false;
  }
}

export function RuleField(props: FieldProps) {
  const { formData, onChange, fieldPathId, schema, errorSchema, registry, readonly, disabled } = props;
  const { t, i18n } = useTranslation('editor');
  const [text, setText] = useState(() => pretty(formData));
  const [parseError, setParseError] = useState(false);
  const context = registry.formContext as EditorFormContext | undefined;

  // A change from outside (another tab, a reset) replaces the text; typing keeps the user's spacing.
  const [shown, setShown] = useState<unknown>(formData);
  if (JSON.stringify(shown) !== JSON.stringify(formData)) {
    setShown(formData);
    if (!sameRule(text, formData)) {
      setText(pretty(formData));
      setParseError(false);
    }
  }

  const id = fieldPathId.$id;
  // rjsf hands a field its own messages as `rawErrors` (older releases: `errorSchema.__errors`).
  const errors = [
    ...new Set([...(props.rawErrors ?? []), ...(errorSchema?.__errors ?? [])]),
    ...(parseError ? [t('rule.notJson')] : []),
  ];
  const label = schema.title ?? props.name;
  return (
    <div className={`hx-rule-field${errors.length ? ' has-error' : ''}`} data-rule-field={id}>
      <label htmlFor={id} className="hx-field__label">
        {label}
        {props.required ? <span aria-hidden> *</span> : null}
      </label>
      <div className="hx-rule-field__body">
        <Input.TextArea
          id={id}
          className="hx-rule-field__json"
          value={text}
          autoSize={{ minRows: 2, maxRows: 12 }}
          spellCheck={false}
          readOnly={readonly}
          disabled={disabled}
          aria-invalid={errors.length > 0}
          aria-describedby={`${id}-words${errors.length ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            try {
              const parsed = JSON.parse(value) as unknown;
              setParseError(false);
              setShown(parsed);
              onChange(parsed, fieldPathId.path);
            } catch {
              setParseError(true);
            }
          }}
        />
        <p className="hx-rule-field__words" id={`${id}-words`} data-testid="rule-words">
          <span className="hx-rule-field__words-label">{t('rule.inWords')}</span>
          {formData === undefined
            ? t('rule.empty')
            : ruleInWords(formData, { t, language: i18n.language, factFields: context?.factFields ?? [] })}
        </p>
      </div>
      {errors.length ? (
        <div id={`${id}-error`} className="hx-field__error" role="alert">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
