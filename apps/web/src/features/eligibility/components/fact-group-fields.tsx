import type { FactField, ProgramDefinition } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { FormField, FormSection } from '@/components/ui/form';
import { fieldLabel, validateFactInput, type FactFormValues } from '../hooks/use-fact-form';
import { FactInput } from './fact-input';

/**
 * One group of generated fact inputs (validated as you type with the shared validators), for a form that
 * shows one group at a time — e.g. one step of an application. Must be inside the one <Form> wrapper.
 */
export function FactGroupFields({
  group,
  fields,
  def,
  warnings = {},
  highlighted,
  highlightNote,
}: {
  group: string;
  fields: FactField[];
  def: ProgramDefinition;
  warnings?: Record<string, string>;
  /** Fact paths to mark (e.g. the fields a reviewer asked to fix), each with `highlightNote`. */
  highlighted?: ReadonlySet<string>;
  highlightNote?: string;
}) {
  const { t, i18n } = useTranslation('eligibility');
  const lang = i18n.language;
  return (
    <FormSection title={t(`groups.${group}`, { defaultValue: group })}>
      {fields.map((field) => {
        const warning = warnings[field.path];
        return (
          <FormField<FactFormValues, string>
            key={field.path}
            name={field.path}
            label={fieldLabel(field, lang)}
            requiredMark={field.required === true}
            rules={{ validate: (raw: unknown) => validateFactInput(def, field, raw) }}
            warning={warning ? t([`warning.${warning}`, 'warning.GENERIC']) : undefined}
            highlight={highlighted?.has(field.path) ? highlightNote : undefined}
          >
            {({ field: control, inputProps, labelId }) => (
              <FactInput field={field} control={control} inputProps={inputProps} labelId={labelId} />
            )}
          </FormField>
        );
      })}
    </FormSection>
  );
}
