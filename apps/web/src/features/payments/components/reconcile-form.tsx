import { useState } from 'react';
import { Alert, Button, Progress, Table } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ReconcileLineError, ReconcileSummary } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/error-message';
import { rowErrors, useReconcile } from '../api/reconcile';

/** Import the bank's result file: progress while it goes up, then the result or the per-line report. */
export function ReconcileForm({ batchId }: { batchId: string }) {
  const { t } = useTranslation('payments');
  const reconcile = useReconcile();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [summary, setSummary] = useState<ReconcileSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rows = rowErrors(error);
  const submit = async () => {
    if (!file) return;
    setSummary(null);
    setError(null);
    setProgress(0);
    try {
      setSummary(await reconcile({ batchId, file, fileName: file.name, onProgress: setProgress }));
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  };
  return (
    <section className="hx-gap" aria-labelledby="reconcile-heading" data-testid="reconcile">
      <h3 id="reconcile-heading">{t('reconcile.heading')}</h3>
      <p className="hx-note">{t('reconcile.intro')}</p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label={t('reconcile.file')}
        data-testid="reconcile-file"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <Button
        icon={<UploadOutlined aria-hidden />}
        disabled={!file || progress !== null}
        onClick={() => void submit()}
        data-testid="reconcile-submit"
      >
        {t('reconcile.submit')}
      </Button>
      {progress !== null ? <Progress percent={progress} aria-label={t('reconcile.progress')} /> : null}
      {summary ? (
        <Alert
          className="hx-gap"
          type="success"
          showIcon
          role="status"
          data-testid="reconcile-summary"
          // A file naming an unknown line is refused as a whole (422 UNKNOWN_LINE, in the table below).
          title={t('reconcile.done', {
            paid: summary.paid,
            failed: summary.failed,
            unchanged: summary.unchanged,
          })}
        />
      ) : null}
      {error ? (
        <>
          <Alert className="hx-gap" type="error" showIcon role="alert" title={errorMessage(t, error)} />
          {rows.length ? (
            <Table<ReconcileLineError>
              rowKey={(row) => `${row.line}-${row.field}-${row.code}`}
              size="small"
              pagination={false}
              data-testid="reconcile-errors"
              dataSource={rows}
              columns={[
                { title: t('reconcile.line'), dataIndex: 'line' },
                { title: t('lines.lineId'), dataIndex: 'lineId', render: (v?: string) => v ?? '—' },
                { title: t('reconcile.field'), dataIndex: 'field' },
                {
                  title: t('reconcile.problem'),
                  dataIndex: 'code',
                  render: (code: string) => t([`reconcile.codes.${code}`, 'reconcile.codes.other'], { code }),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
