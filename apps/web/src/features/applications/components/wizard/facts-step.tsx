import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowRightOutlined, SaveOutlined } from '@ant-design/icons';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, SubmitButton } from '@/components/ui/form';
import { serverFieldName } from '../../lib/submit-problem';
import { WizardNav } from './wizard-nav';

/**
 * One fact group's step: the group's inputs (`children`), the server's answer on the right field, "save
 * draft" (checks this step's fields, then saves) and "save and continue" (the form's submit).
 */
export function FactsStep({
  form,
  fieldPaths,
  title,
  saving,
  error,
  onSave,
  onSaveAndNext,
  onBack,
  savedNote,
  children,
}: {
  /** The wizard's form: values keyed by fact group, then fact. */
  form: UseFormReturn<Record<string, unknown>>;
  /** This step's fields, validated before "save draft". */
  fieldPaths: string[];
  title: string;
  saving: boolean;
  error: unknown;
  onSave: () => void;
  onSaveAndNext: () => void;
  onBack?: (() => void) | undefined;
  savedNote: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('applications');
  return (
    <Form
      form={form}
      onSubmit={onSaveAndNext}
      pending={saving}
      serverError={error}
      serverFieldName={serverFieldName}
      aria-label={title}
    >
      {children}
      <FormAlert />
      {savedNote}
      <WizardNav onBack={onBack}>
        <Button
          size="large"
          icon={<SaveOutlined aria-hidden />}
          disabled={saving}
          onClick={() => void form.trigger(fieldPaths).then((ok) => (ok ? onSave() : undefined))}
        >
          {t('draft.save')}
        </Button>
        <SubmitButton size="large" icon={<ArrowRightOutlined aria-hidden />}>
          {t('nav.saveAndNext')}
        </SubmitButton>
      </WizardNav>
    </Form>
  );
}
