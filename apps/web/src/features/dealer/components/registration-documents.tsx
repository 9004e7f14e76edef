import { useState } from 'react';
import { Progress, Table, Tag } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import {
  ORGANIZATION_DOCUMENT_KINDS,
  type OrganizationDocumentKind,
  type OrganizationDocumentView,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { errorMessage } from '@/lib/error-message';
import { organizationDocumentUrl, useOwnDocuments, useUploadOwnDocument } from '../api/documents';

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * The registration's documents as the organisation sees them: each kind filed or missing (what the
 * commerce office still waits for), and an upload per kind. Pending and active organisations file.
 */
export function RegistrationDocuments({ writable }: { writable: boolean }) {
  const { t } = useTranslation('dealer');
  const documents = useOwnDocuments();
  const upload = useUploadOwnDocument();
  const [progress, setProgress] = useState<{ kind: OrganizationDocumentKind; percent: number } | null>(null);
  const [error, setError] = useState<{ kind: OrganizationDocumentKind; error: unknown } | null>(null);
  if (documents.isError)
    return <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />;
  const filed = (kind: OrganizationDocumentKind) => (documents.data ?? []).filter((d) => d.kind === kind);

  const send = async (kind: OrganizationDocumentKind, file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress({ kind, percent: 0 });
    try {
      await upload.mutateAsync({ kind, file, onProgress: (percent) => setProgress({ kind, percent }) });
    } catch (e) {
      setError({ kind, error: e });
    } finally {
      setProgress(null);
    }
  };

  return (
    <section
      className="hx-section"
      aria-labelledby="dealer-documents-title"
      data-testid="registration-documents"
    >
      <h2 id="dealer-documents-title" className="hx-section__title">
        {t('documents.title')}
      </h2>
      <p className="hx-note">{t('documents.intro')}</p>
      <ul className="hx-doc-list">
        {ORGANIZATION_DOCUMENT_KINDS.map((kind) => {
          const list = filed(kind);
          const inputId = `dealer-doc-${kind}`;
          return (
            <li key={kind} className="hx-doc-list__item" data-kind={kind}>
              <div>
                <strong>{t(`documents.kinds.${kind}`)}</strong>{' '}
                {list.length > 0 ? (
                  <Tag color="green" icon={<CheckCircleOutlined aria-hidden />}>
                    {t('documents.filed', { count: list.length })}
                  </Tag>
                ) : (
                  <Tag color="orange" icon={<ExclamationCircleOutlined aria-hidden />}>
                    {t('documents.missing')}
                  </Tag>
                )}
              </div>
              {writable ? (
                <div className="hx-field">
                  <label className="hx-field__label" htmlFor={inputId}>
                    {t('documents.upload', { kind: t(`documents.kinds.${kind}`) })}
                  </label>
                  <input
                    id={inputId}
                    type="file"
                    accept=".pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png"
                    disabled={progress !== null}
                    onChange={(e) => {
                      void send(kind, e.target.files?.[0]);
                      e.target.value = '';
                    }}
                  />
                  {progress?.kind === kind ? <Progress percent={progress.percent} size="small" /> : null}
                  {error?.kind === kind ? (
                    <p className="hx-field__error" role="alert">
                      {errorMessage(t, error.error)}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The commerce office's list of a registration's documents, each opened in a new tab (audited). */
export function OrganizationDocumentsTable({
  organizationId,
  documents,
}: {
  organizationId: string;
  documents: OrganizationDocumentView[];
}) {
  const { t, i18n } = useTranslation('dealer');
  const missing = ORGANIZATION_DOCUMENT_KINDS.filter((k) => !documents.some((d) => d.kind === k));
  return (
    <>
      {missing.length > 0 ? (
        <p className="hx-field__warning" data-testid="documents-missing">
          {t('documents.missingList', {
            kinds: missing.map((k) => t(`documents.kinds.${k}`)).join('、'),
          })}
        </p>
      ) : null}
      <Table<OrganizationDocumentView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={documents}
        locale={{ emptyText: t('documents.none') }}
        columns={[
          {
            title: t('documents.kind'),
            render: (_, d) => (
              <a
                href={organizationDocumentUrl(organizationId, d.id)}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t(`documents.kinds.${d.kind}`)}
              </a>
            ),
          },
          { title: t('documents.size'), render: (_, d) => formatSize(d.size) },
          {
            title: t('documents.at'),
            render: (_, d) =>
              new Date(d.createdAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN'),
          },
        ]}
      />
    </>
  );
}
