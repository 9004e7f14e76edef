/**
 * `/console/programs/…` (admin, its own chunk: the schema forms load only here):
 * - the programs, and a copy form for a new program;
 * - a program's versions, and "new draft from the current version";
 * - the editor of a new draft;
 * - one version: its diff against the current published version, the what-if and the publish step.
 */
import { useState, type ReactNode } from 'react';
import { Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized } from '@/lib/i18n';
import { getProgram } from '@/features/programs/api/get-program';
import { usePrograms } from '@/features/programs/api/get-programs';
import {
  currentPublished,
  useVersion,
  useVersions,
  type WhatIfResult,
} from '@/features/program-editor/api/versions';
import {
  CopyProgramForm,
  ProgramList,
  VersionsTable,
} from '@/features/program-editor/components/program-admin';
import { DraftEditor } from '@/features/program-editor/components/draft-editor';
import { DefinitionDiff } from '@/features/program-editor/components/definition-diff';
import { WhatIfReport } from '@/features/program-editor/components/what-if-report';
import { PublishStep } from '@/features/program-editor/components/publish-step';
import '@/features/program-editor/program-editor.css';

function Page({ title, children, back }: { title: string; children: ReactNode; back?: string }) {
  const { t } = useTranslation('editor');
  return (
    <section aria-labelledby="console-heading" className="hx-console-page hx-console-page--wide">
      <PageTitle title={title} />
      {back ? (
        <p>
          <Link to={back}>{back === '/console/programs' ? t('page.back') : t('page.backToVersions')}</Link>
        </p>
      ) : null}
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** The title of a program by code (the public list), or the code itself (a new, unpublished program). */
function useProgramTitle(code: string): string {
  const { i18n } = useTranslation();
  const programs = usePrograms();
  const p = programs.data?.find((x) => x.code === code);
  return p ? localized(p.title, i18n.language) : code;
}

export function ProgramsAdminPage() {
  const { t } = useTranslation('editor');
  const programs = usePrograms();
  const navigate = useNavigate();
  return (
    <Page title={t('page.title')}>
      <p className="hx-note">{t('page.intro')}</p>
      {programs.isPending ? <LoadingState /> : null}
      {programs.error ? <ErrorState error={programs.error} onRetry={() => void programs.refetch()} /> : null}
      {programs.data ? (
        <>
          <ProgramList programs={programs.data} />
          <CopyProgramForm
            programs={programs.data}
            loadDefinition={async (code) => (await getProgram(code)).definition}
            onCreated={(code, version) =>
              void navigate(`/console/programs/${encodeURIComponent(code)}/versions/${version}`)
            }
          />
        </>
      ) : null}
    </Page>
  );
}

export function ProgramVersionsPage() {
  const { t } = useTranslation('editor');
  const code = useParams().code ?? '';
  const title = useProgramTitle(code);
  const versions = useVersions(code);
  const current = currentPublished(versions.data);
  return (
    <Page title={t('page.versionsOf', { title })} back="/console/programs">
      {versions.isPending ? <LoadingState /> : null}
      {versions.error ? <ErrorState error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.data ? (
        <>
          {current ? (
            <p data-testid="new-draft">
              <LinkButton to={`/console/programs/${encodeURIComponent(code)}/new`}>
                {t('page.newDraft')}
              </LinkButton>
            </p>
          ) : (
            <p className="hx-note">{t('page.noPublished')}</p>
          )}
          <VersionsTable code={code} versions={versions.data} />
          <p className="hx-note" data-testid="funding-note">
            {t('page.fundingNote')} <Link to="/console/funding">{t('page.fundingLink')}</Link>
          </p>
        </>
      ) : null}
    </Page>
  );
}

export function NewDraftPage() {
  const { t } = useTranslation('editor');
  const code = useParams().code ?? '';
  const title = useProgramTitle(code);
  const navigate = useNavigate();
  const versions = useVersions(code);
  const current = currentPublished(versions.data);
  const base = useVersion(code, current?.version);
  const error = versions.error ?? base.error;
  return (
    <Page
      title={current ? t('page.editorTitle', { title, version: current.version }) : title}
      back={`/console/programs/${encodeURIComponent(code)}`}
    >
      {error ? <ErrorState error={error} /> : null}
      {versions.data && !current ? <p className="hx-note">{t('page.noPublished')}</p> : null}
      {!error && (versions.isPending || (current && base.isPending)) ? <LoadingState /> : null}
      {base.data ? (
        <DraftEditor
          code={code}
          base={base.data.definition}
          onSaved={(draft) =>
            void navigate(`/console/programs/${encodeURIComponent(code)}/versions/${draft.version}`)
          }
        />
      ) : null}
    </Page>
  );
}

export function VersionPage() {
  const { t } = useTranslation('editor');
  const params = useParams();
  const code = params.code ?? '';
  const number = Number(params.version);
  const title = useProgramTitle(code);
  const versions = useVersions(code);
  const summary = versions.data?.find((v) => v.version === number);
  const current = currentPublished(versions.data);
  const detail = useVersion(code, summary ? number : undefined);
  const against = useVersion(code, current && current.version !== number ? current.version : undefined);
  const [whatIf, setWhatIf] = useState<WhatIfResult | null>(null);
  // Seen as a draft on this page: once published here, its step stays to say so.
  const [seenAsDraft, setSeenAsDraft] = useState<number | null>(null);
  if (summary?.status === 'draft' && seenAsDraft !== number) setSeenAsDraft(number);
  const error = versions.error ?? detail.error ?? against.error;
  return (
    <Page
      title={t('page.versionTitle', { title, version: number })}
      back={`/console/programs/${encodeURIComponent(code)}`}
    >
      {error ? <ErrorState error={error} /> : null}
      {versions.isPending || detail.isPending ? <LoadingState /> : null}
      {versions.data && !summary ? <p role="alert">{t('page.notFound')}</p> : null}
      {summary && detail.data ? (
        <>
          <section aria-labelledby="diff-heading" className="hx-version-diff">
            <h2 id="diff-heading">{t('diff.title')}</h2>
            {!current ? (
              <p className="hx-note">{t('diff.noPublished')}</p>
            ) : current.version === number ? (
              <p className="hx-note">{t('diff.isCurrent')}</p>
            ) : against.data ? (
              <DefinitionDiff
                before={against.data.definition}
                after={detail.data.definition}
                beforeLabel={t('diff.published', { version: current.version })}
                afterLabel={t(summary.status === 'draft' ? 'diff.draft' : 'diff.version', {
                  version: number,
                })}
              />
            ) : (
              <LoadingState />
            )}
          </section>
          {summary.status === 'draft' ? (
            <WhatIfReport code={code} version={number} onResult={setWhatIf} />
          ) : null}
          {summary.status === 'draft' || seenAsDraft === number ? (
            <PublishStep code={code} draft={summary} whatIf={whatIf} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
