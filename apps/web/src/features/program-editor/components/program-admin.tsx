/**
 * The programs section's lists: the programs (with a link to their versions), a program's versions
 * (published and drafts, with author and publisher), and the copy form that starts a new program from an
 * existing one (new code and titles; a draft version 1 a second administrator publishes).
 */
import { useState } from 'react';
import { Input, Table, Tag } from 'antd';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { ProgramDefinition, ProgramSummary } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { isApiError } from '@/lib/api-client';
import { localized } from '@/lib/i18n';
import { actorName, definitionErrorOf, useCreateProgram, type VersionSummary } from '../api/versions';

export function ProgramList({ programs }: { programs: readonly ProgramSummary[] }) {
  const { t, i18n } = useTranslation(['editor', 'programs']);
  return (
    <Table<ProgramSummary>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={[...programs]}
      caption={t('page.programs')}
      data-testid="program-list"
      columns={[
        { title: t('page.code'), dataIndex: 'code', key: 'code', render: (c: string) => <code>{c}</code> },
        { title: t('page.programTitle'), key: 'title', render: (_, p) => localized(p.title, i18n.language) },
        { title: t('page.window'), key: 'window', render: (_, p) => `${p.opensOn} – ${p.closesOn}` },
        {
          title: t('versions.actions'),
          key: 'open',
          render: (_, p) => (
            <Link
              to={`/console/programs/${encodeURIComponent(p.code)}`}
              aria-label={`${t('page.open')}: ${localized(p.title, i18n.language)}`}
            >
              {t('page.open')}
            </Link>
          ),
        },
      ]}
    />
  );
}

export function VersionsTable({ code, versions }: { code: string; versions: readonly VersionSummary[] }) {
  const { t } = useTranslation('editor');
  return (
    <Table<VersionSummary>
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={[...versions].sort((a, b) => b.version - a.version)}
      caption={t('versions.label')}
      data-testid="versions-table"
      locale={{ emptyText: t('versions.empty') }}
      columns={[
        { title: t('versions.version'), dataIndex: 'version', key: 'version' },
        {
          title: t('versions.status'),
          key: 'status',
          render: (_, v) => (
            <Tag color={v.status === 'published' ? 'green' : 'gold'}>{t(`versions.${v.status}`)}</Tag>
          ),
        },
        { title: t('versions.effectiveOn'), dataIndex: 'effectiveOn', key: 'effectiveOn' },
        { title: t('versions.documentNo'), key: 'documentNo', render: (_, v) => v.documentNo ?? '' },
        { title: t('versions.author'), key: 'author', render: (_, v) => actorName(v.createdBy) },
        { title: t('versions.publisher'), key: 'publisher', render: (_, v) => actorName(v.publishedBy) },
        {
          title: t('versions.actions'),
          key: 'open',
          render: (_, v) => (
            <Link to={`/console/programs/${encodeURIComponent(code)}/versions/${v.version}`}>
              {t('versions.open', { version: v.version })}
            </Link>
          ),
        },
      ]}
    />
  );
}

interface CopyValues {
  source: string;
  code: string;
  titleZh: string;
  titleEn: string;
  documentNo: string;
  note: string;
}

const required = (v: string): true | string => v.trim() !== '' || 'REQUIRED';
const CODE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Where a 422 / 409 on the copied definition goes in this form (its JSON pointer → the input). */
const FIELD_OF_POINTER: Record<string, keyof CopyValues> = {
  '/code': 'code',
  '/title/zh': 'titleZh',
  '/title/en': 'titleEn',
};

export function CopyProgramForm({
  programs,
  loadDefinition,
  onCreated,
}: {
  programs: readonly ProgramSummary[];
  /** The current definition of the program to copy (the page reads it from the public program route). */
  loadDefinition: (code: string) => Promise<ProgramDefinition>;
  onCreated: (code: string, version: number) => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const create = useCreateProgram();
  const [serverError, setServerError] = useState<unknown>(null);
  const form = useForm<CopyValues>({
    mode: 'onChange',
    defaultValues: { source: '', code: '', titleZh: '', titleEn: '', documentNo: '', note: '' },
  });
  const onSubmit = async (values: CopyValues) => {
    setServerError(null);
    try {
      const source = await loadDefinition(values.source);
      const definition = {
        ...structuredClone(source),
        code: values.code.trim(),
        version: 1,
        title: { zh: values.titleZh.trim(), en: values.titleEn.trim() },
      };
      const created = await create.mutateAsync({
        definition,
        documentNo: values.documentNo.trim(),
        note: values.note.trim(),
      });
      onCreated(definition.code, created.version);
    } catch (error) {
      setServerError(error);
    }
  };
  const bad = definitionErrorOf(serverError);
  const pointerField = bad ? FIELD_OF_POINTER[bad.path] : undefined;
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={create.isPending}
      serverError={serverError}
      serverFieldName={(key) =>
        key === 'definition' ? pointerField : (['documentNo', 'note'] as const).find((f) => f === key)
      }
      serverCodeField={{ PROGRAM_CODE_TAKEN: 'code' }}
      aria-labelledby="copy-program"
      className="hx-profile-form"
    >
      <h2 id="copy-program">{t('copy.title')}</h2>
      <p className="hx-note">{t('copy.intro')}</p>
      <FormField<CopyValues, 'source'> name="source" label={t('copy.source')} rules={{ validate: required }}>
        {({ field, inputProps }) => (
          <NativeSelect
            field={field}
            inputProps={inputProps}
            placeholder={t('copy.choose')}
            options={programs.map((p) => ({
              value: p.code,
              label: `${localized(p.title, i18n.language)} (${p.code})`,
            }))}
          />
        )}
      </FormField>
      <FormField<CopyValues, 'code'>
        name="code"
        label={t('copy.code')}
        help={t('copy.codeHelp')}
        rules={{
          validate: (v: string) =>
            v.trim() === '' ? 'REQUIRED' : CODE_PATTERN.test(v.trim()) || 'INVALID_FORMAT',
        }}
      >
        {({ textInputProps }) => <Input {...textInputProps} maxLength={64} autoComplete="off" />}
      </FormField>
      <FormField<CopyValues, 'titleZh'>
        name="titleZh"
        label={t('copy.titleZh')}
        rules={{ validate: required }}
      >
        {({ textInputProps }) => <Input {...textInputProps} maxLength={200} />}
      </FormField>
      <FormField<CopyValues, 'titleEn'>
        name="titleEn"
        label={t('copy.titleEn')}
        rules={{ validate: required }}
      >
        {({ textInputProps }) => <Input {...textInputProps} maxLength={200} />}
      </FormField>
      <FormField<CopyValues, 'documentNo'>
        name="documentNo"
        label={t('copy.documentNo')}
        rules={{ validate: required }}
      >
        {({ textInputProps }) => <Input {...textInputProps} maxLength={100} />}
      </FormField>
      <FormField<CopyValues, 'note'> name="note" label={t('copy.note')}>
        {({ textInputProps }) => <Input.TextArea {...textInputProps} rows={2} maxLength={2000} />}
      </FormField>
      <FormAlert
        message={(e) =>
          isApiError(e) && bad && !pointerField
            ? `${t('issue.summary', { count: 1 })}: ${bad.path} ${bad.message}`
            : undefined
        }
      />
      <div className="hx-form-actions">
        <SubmitButton data-testid="copy-submit">{t('copy.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
