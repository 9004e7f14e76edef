/**
 * The program editor: one form per part of the definition (window and basics, budget, documents, fact
 * fields, clauses, amount formula, settings), each generated from the shared JSON Schema by rjsf's Ant
 * Design theme. Problems — the server's 422 path or the local check's — are listed in a summary (each a
 * button that opens the part and focuses the field) and shown on the field itself.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Tabs } from 'antd';
import Form from '@rjsf/antd';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { ProgramDefinition } from '@huanxin/shared';
import type { DefinitionIssue } from '../lib/check-definition';
import { cspSafeValidator } from '../lib/csp-safe-validator';
import {
  EDITOR_PARTS,
  RULE_FIELD_ID,
  errorSchemaAt,
  locatePointer,
  partData,
  partSchema,
  type EditorPartKey,
  type PointerTarget,
} from '../lib/editor-schema';
import { RuleField, type EditorFormContext } from './rule-field';

export interface ProgramEditorProps {
  definition: ProgramDefinition;
  onChange: (definition: ProgramDefinition) => void;
  issues: readonly DefinitionIssue[];
  /** A new version keeps its program's code. */
  lockCode?: boolean;
}

const fields = { [RULE_FIELD_ID]: RuleField };

/**
 * rjsf fills defaults into the data it renders; an editor of a published definition must not: an optional
 * object (a formula's `otherwise`) or list (a field's `options`) that is absent stays absent. A new object
 * the administrator adds still gets its required members' defaults (a formula's `type`).
 */
const DEFAULTS = {
  emptyObjectFields: 'populateRequiredDefaults',
  arrayMinItems: { populate: 'requiredOnly' },
  constAsDefaults: 'skipOneOf',
} as const;

/** The id rjsf gives the node (idPrefix + `_` + path), for focusing it from the summary. */
export const fieldId = (part: EditorPartKey, path: readonly string[]) => [`hx-${part}`, ...path].join('_');

function merge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(from)) {
    if (k === '__errors') into.__errors = [...((into.__errors as string[]) ?? []), ...(v as string[])];
    else into[k] = merge((into[k] as Record<string, unknown>) ?? {}, v as Record<string, unknown>);
  }
  return into;
}

export function ProgramEditor({ definition, onChange, issues, lockCode = true }: ProgramEditorProps) {
  const { t, i18n } = useTranslation('editor');
  const [active, setActive] = useState<EditorPartKey>('general');
  const [focus, setFocus] = useState<string | null>(null);
  const schemas = useMemo(
    () =>
      Object.fromEntries(EDITOR_PARTS.map((p) => [p.key, partSchema(p.key, t)])) as Record<
        EditorPartKey,
        RJSFSchema
      >,
    // The titles follow the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
  const located = useMemo(
    () => issues.map((issue) => ({ issue, target: locatePointer(issue.path, definition) })),
    [issues, definition],
  );
  const errorsByPart = useMemo(() => {
    const out: Partial<Record<EditorPartKey, Record<string, unknown>>> = {};
    for (const { issue, target } of located) {
      const message = target.inside
        ? t('issue.inside', { inside: target.inside, message: issue.message })
        : issue.message;
      out[target.part] = merge(out[target.part] ?? {}, errorSchemaAt(target.fieldPath, message));
    }
    return out;
  }, [located, t]);

  // The part's panel mounts after the tab switch: look for the field for a moment, then focus it.
  useEffect(() => {
    if (!focus) return;
    let tries = 0;
    const timer = window.setInterval(() => {
      const el = document.getElementById(focus);
      if (el || ++tries > 40) {
        window.clearInterval(timer);
        el?.focus();
        el?.scrollIntoView?.({ block: 'center' });
        setFocus(null);
      }
    }, 25);
    return () => window.clearInterval(timer);
  }, [focus]);

  const goTo = (target: PointerTarget) => {
    setActive(target.part);
    setFocus(fieldId(target.part, target.fieldPath));
  };

  const uiSchema = (part: EditorPartKey): UiSchema => ({
    'ui:submitButtonOptions': { norender: true },
    ...(part === 'general' && lockCode ? { code: { 'ui:readonly': true } } : {}),
  });
  const context: EditorFormContext = { factFields: definition.factFields ?? [] };

  return (
    <div className="hx-program-editor">
      {located.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="hx-program-editor__issues"
          title={t('issue.summary', { count: located.length })}
          description={
            <ul data-testid="issue-summary">
              {located.map(({ issue, target }, i) => (
                <li key={i}>
                  <Button type="link" size="small" onClick={() => goTo(target)}>
                    {t(`part.${target.part}`)} · <code>{issue.path || '/'}</code>
                  </Button>{' '}
                  {issue.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Tabs
        activeKey={active}
        onChange={(key) => setActive(key as EditorPartKey)}
        items={EDITOR_PARTS.map((p) => {
          const count = located.filter((l) => l.target.part === p.key).length;
          return {
            key: p.key,
            label: (
              <span data-testid={`part-tab-${p.key}`}>
                {t(`part.${p.key}`)}
                {count ? (
                  <Badge
                    count={count}
                    size="small"
                    className="hx-program-editor__badge"
                    title={t('issue.count', { count })}
                  />
                ) : null}
              </span>
            ),
            children: (
              <section aria-label={t(`part.${p.key}`)} data-part={p.key}>
                <Form
                  schema={schemas[p.key]}
                  uiSchema={uiSchema(p.key)}
                  validator={cspSafeValidator}
                  formData={partData(definition, p.key)}
                  fields={fields}
                  formContext={context}
                  idPrefix={`hx-${p.key}`}
                  extraErrors={(errorsByPart[p.key] ?? {}) as ErrorSchema}
                  liveValidate="onChange"
                  experimental_defaultFormStateBehavior={DEFAULTS}
                  showErrorList={false}
                  noHtml5Validate
                  onChange={(event) => {
                    const next = { ...definition, ...(event.formData as object) } as ProgramDefinition;
                    if (JSON.stringify(next) !== JSON.stringify(definition)) onChange(next);
                  }}
                />
              </section>
            ),
          };
        })}
      />
    </div>
  );
}
