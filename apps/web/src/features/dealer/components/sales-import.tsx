import { useRef, useState } from 'react';
import { Alert, Button, Progress, Space, Table } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { SALES_IMPORT_COLUMNS, SALES_IMPORT_MAX_BYTES, SALES_IMPORT_MAX_ROWS } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { fieldErrorKeys } from '@/components/ui/form';
import { errorMessage } from '@/lib/error-message';
import { importTemplateUrl, useImportSales } from '../api/sales-import';
import { downloadText, importErrorRows, importReportCsv, type ImportRowError } from '../lib/import-report';
import { goodsFieldOf } from '../lib/sale-rules';

/** Largest file the page sends (the server refuses more with 413 as well). */
export const IMPORT_MAX_BYTES = SALES_IMPORT_MAX_BYTES;

type Phase =
  | { name: 'idle' }
  | { name: 'uploading'; percent: number }
  | { name: 'processing' }
  | { name: 'done'; created: number }
  | { name: 'rejected'; rows: ImportRowError[] }
  | { name: 'failed'; error: unknown };

/**
 * Bulk import of goods sales from CSV or XLSX: the template in both formats, the upload with its
 * progress and then a "checking rows" state, and — the server takes all rows or none — either the
 * count created or every bad row (line, column, what is wrong), which the dealer may save as CSV.
 */
export function SalesImport() {
  const { t } = useTranslation('dealer');
  const upload = useImportSales();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const busy = phase.name === 'uploading' || phase.name === 'processing';

  const { i18n } = useTranslation();
  // The column as the template's header names it: the Chinese name, or in English the field's path.
  const column = (field: string) => {
    if (field === '') return t('import.wholeRow');
    const known = SALES_IMPORT_COLUMNS.find((c) => c.path === field);
    return known && !i18n.language.startsWith('en') ? known.zh : field;
  };
  const problem = (row: ImportRowError) => {
    const field = goodsFieldOf(row.field) ?? row.field;
    const specific = field ? [`dealer:errors.${field}.${row.code}`] : [];
    return t(fieldErrorKeys(row.code, ...specific));
  };

  const send = async () => {
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) return setPhase({ name: 'failed', error: 'FILE_TOO_LARGE' });
    setPhase({ name: 'uploading', percent: 0 });
    try {
      const result = await upload.mutateAsync({
        file,
        onProgress: (percent) =>
          setPhase((p) => (p.name === 'uploading' ? { name: 'uploading', percent } : p)),
        onUploaded: () => setPhase({ name: 'processing' }),
      });
      setPhase({ name: 'done', created: result.created });
    } catch (error) {
      const rows = importErrorRows(error);
      setPhase(rows ? { name: 'rejected', rows } : { name: 'failed', error });
    }
  };

  const saveReport = (rows: ImportRowError[]) =>
    downloadText(
      importReportCsv(rows, [
        { title: t('import.line'), value: (r) => r.line },
        { title: t('import.column'), value: (r) => column(r.field) },
        { title: t('import.problem'), value: problem },
        { title: t('import.code'), value: (r) => r.code },
      ]),
      t('import.reportFile', { name: file?.name.replace(/\.[^.]+$/, '') ?? 'import' }),
    );

  return (
    <section className="hx-section" aria-labelledby="dealer-import-title">
      <h2 id="dealer-import-title" className="hx-section__title">
        {t('import.title')}
      </h2>
      <p className="hx-note">{t('import.intro')}</p>
      <Space wrap>
        <Button icon={<DownloadOutlined aria-hidden />} href={importTemplateUrl('xlsx')} download>
          {t('import.templateXlsx')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={importTemplateUrl('csv')} download>
          {t('import.templateCsv')}
        </Button>
      </Space>
      <div className="hx-field">
        <label className="hx-field__label" htmlFor="dealer-import-file">
          {t('import.file')}
        </label>
        <input
          ref={input}
          id="dealer-import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          aria-describedby="dealer-import-help"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPhase({ name: 'idle' });
          }}
        />
        <p className="hx-field__help" id="dealer-import-help">
          {t('import.help', { rows: SALES_IMPORT_MAX_ROWS, mb: IMPORT_MAX_BYTES / 1024 / 1024 })}
        </p>
      </div>
      <Button
        type="primary"
        icon={<UploadOutlined aria-hidden />}
        disabled={!file || busy}
        aria-busy={busy || undefined}
        onClick={() => void send()}
        data-testid="import-submit"
      >
        {t('import.submit')}
      </Button>
      {phase.name === 'uploading' ? (
        <div role="status" data-testid="import-progress">
          <Progress percent={phase.percent} aria-label={t('import.uploading')} />
          <span className="hx-note">{t('import.uploading')}</span>
        </div>
      ) : null}
      {phase.name === 'processing' ? (
        <div role="status" data-testid="import-progress">
          <Progress percent={100} status="active" showInfo={false} aria-label={t('import.processing')} />
          <span className="hx-note">{t('import.processing')}</span>
        </div>
      ) : null}
      {phase.name === 'done' ? (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="import-done"
          title={t('import.done', { count: phase.created })}
        />
      ) : null}
      {phase.name === 'failed' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            phase.error === 'FILE_TOO_LARGE'
              ? t('import.tooLarge', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })
              : errorMessage(t, phase.error)
          }
        />
      ) : null}
      {phase.name === 'rejected' ? (
        <div data-testid="import-report">
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.rejected', { count: phase.rows.length })}
            description={t('import.rejectedText')}
            action={
              <Button
                size="small"
                icon={<DownloadOutlined aria-hidden />}
                onClick={() => saveReport(phase.rows)}
              >
                {t('import.saveReport')}
              </Button>
            }
          />
          <Table<ImportRowError>
            rowKey={(r) => `${r.line}:${r.field}:${r.code}`}
            size="small"
            scroll={{ x: true }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={phase.rows}
            columns={[
              { title: t('import.line'), dataIndex: 'line', width: 72 },
              { title: t('import.column'), render: (_, r) => column(r.field) },
              { title: t('import.problem'), render: (_, r) => problem(r) },
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}
