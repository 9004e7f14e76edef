/**
 * A new draft: the editor over a copy of the base version's definition, a check, and the save form
 * (effective date, document number, note). The server's 422 on the definition lands on its node in the
 * editor; its 422 on the save form's own inputs lands on those. Leaving with unsaved changes asks first
 * (inside the app: the router's blocker; closing the tab: the browser's own prompt).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Modal } from 'antd';
import { useBlocker } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProgramDefinition } from '@huanxin/shared';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { definitionErrorOf, useCreateDraft, type VersionSummary } from '../api/versions';
import { checkDefinition, type DefinitionIssue } from '../lib/check-definition';
import { ProgramEditor } from './program-editor';

interface SaveValues {
  effectiveOn: string;
  documentNo: string;
  note: string;
}

const required = (v: string): true | string => v.trim() !== '' || 'REQUIRED';

export function DraftEditor({
  code,
  base,
  onSaved,
}: {
  code: string;
  /** The definition the draft starts from (the current published version's). */
  base: ProgramDefinition;
  onSaved: (saved: VersionSummary) => void;
}) {
  const { t } = useTranslation('editor');
  const [definition, setDefinition] = useState<ProgramDefinition>(() => structuredClone(base));
  const [issues, setIssues] = useState<DefinitionIssue[]>([]);
  const [checked, setChecked] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const saved = useRef(false);
  const create = useCreateDraft(code);
  const form = useForm<SaveValues>({
    mode: 'onChange',
    defaultValues: { effectiveOn: '', documentNo: '', note: '' },
  });
  const dirty = JSON.stringify(definition) !== JSON.stringify(base);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: ProgramDefinition) => {
    setDefinition(next);
    setChecked(false);
    setUnchanged(false);
  };

  const runCheck = (): boolean => {
    const found = checkDefinition(definition);
    setIssues(found);
    setChecked(found.length === 0);
    return found.length === 0;
  };

  const onSubmit = async (values: SaveValues) => {
    setServerError(null);
    if (!dirty) {
      setUnchanged(true);
      return;
    }
    if (!runCheck()) return;
    setChecked(false);
    try {
      const draft = await create.mutateAsync({
        definition,
        effectiveOn: values.effectiveOn,
        documentNo: values.documentNo.trim(),
        note: values.note.trim(),
      });
      saved.current = true;
      onSaved(draft);
    } catch (error) {
      const bad = definitionErrorOf(error);
      if (bad) setIssues([{ path: bad.path, message: bad.message.replace(`${bad.path}: `, '') }]);
      else setServerError(error);
    }
  };

  return (
    <div className="hx-draft-editor">
      <ProgramEditor definition={definition} onChange={change} issues={issues} />
      <Form
        form={form}
        onSubmit={onSubmit}
        pending={create.isPending}
        serverError={serverError}
        serverFieldName={(key) => (['effectiveOn', 'documentNo', 'note'] as const).find((f) => f === key)}
        aria-labelledby="draft-save"
        className="hx-profile-form hx-draft-editor__save"
      >
        <h2 id="draft-save">{t('save.title')}</h2>
        <p className="hx-note">{t('save.intro')}</p>
        <FormField<SaveValues, 'effectiveOn'>
          name="effectiveOn"
          label={t('save.effectiveOn')}
          rules={{ validate: (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) || 'INVALID_DATE' }}
        >
          {({ textInputProps }) => <Input {...textInputProps} type="date" />}
        </FormField>
        <FormField<SaveValues, 'documentNo'>
          name="documentNo"
          label={t('save.documentNo')}
          rules={{ validate: required }}
        >
          {({ textInputProps }) => (
            <Input {...textInputProps} maxLength={100} placeholder="济商务字〔2026〕15号" />
          )}
        </FormField>
        <FormField<SaveValues, 'note'> name="note" label={t('save.note')}>
          {({ textInputProps }) => <Input.TextArea {...textInputProps} rows={2} maxLength={2000} />}
        </FormField>
        <FormAlert />
        {unchanged ? <Alert type="info" showIcon role="status" title={t('save.nothingChanged')} /> : null}
        {checked ? (
          <Alert type="success" showIcon role="status" title={t('save.checkOk')} data-testid="check-ok" />
        ) : null}
        <div className="hx-form-actions">
          <Button onClick={() => runCheck()} data-testid="draft-check">
            {t('save.check')}
          </Button>
          <SubmitButton data-testid="draft-save-submit">{t('save.submit')}</SubmitButton>
        </div>
      </Form>
      <Modal
        open={blocker.state === 'blocked'}
        title={t('guard.title')}
        okText={t('guard.leave')}
        cancelText={t('guard.stay')}
        okButtonProps={{ danger: true }}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>{t('guard.body')}</p>
      </Modal>
    </div>
  );
}
