import { Alert, Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { AuditExportFormat, AuditFilter } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/error-message';
import { useDownloadExport } from '../api/audit';

/** CSV and XLSX of the filters in effect (the ones the table shows), with the refusal shown here. */
export function ExportButtons({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation(['audit', 'errors']);
  const download = useDownloadExport();
  const error = download.error;
  const limit = isApiError(error)
    ? (error.body as { error?: { limit?: number } } | undefined)?.error?.limit
    : undefined;
  const pendingFormat = download.isPending ? download.variables?.format : undefined;
  const button = (format: AuditExportFormat) => (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      onClick={() => download.mutate({ filter, format })}
      loading={pendingFormat === format}
      disabled={download.isPending}
      data-testid={`audit-export-${format}`}
    >
      {t(`export.${format}`)}
    </Button>
  );
  return (
    <div className="hx-audit__export" aria-labelledby="audit-export-title" role="group">
      <span id="audit-export-title" className="hx-audit__label">
        {t('export.title')}
      </span>
      <Space wrap>
        {button('csv')}
        {button('xlsx')}
      </Space>
      <p className="hx-note">{t('export.note')}</p>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            isApiError(error) && error.code === 'AUDIT_EXPORT_TOO_LARGE'
              ? t('export.tooLarge', { limit: (limit ?? 100_000).toLocaleString() })
              : errorMessage(t, error)
          }
          data-testid="audit-export-error"
        />
      ) : download.data ? (
        <p className="hx-note" role="status" data-testid="audit-export-done">
          {t('export.done', { name: download.data })}
        </p>
      ) : null}
    </div>
  );
}
