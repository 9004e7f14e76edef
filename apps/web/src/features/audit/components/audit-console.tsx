/**
 * `/console/audit` (auditor): filter the log, read an entry, prove the log was not rewritten (the
 * chain and the anchors), export what the filters select. Reading is audited by the server too.
 */
import { useState } from 'react';
import type { AuditFilter } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { useAuditLog } from '../api/audit';
import { toAuditFilter, type AuditFilterValues } from '../lib/filter';
import { AuditFilterForm } from './audit-filter-form';
import { AuditLogTable } from './audit-log-table';
import { AnchorsPanel, VerifyPanel } from './chain-panels';
import { ExportButtons } from './export-buttons';

export function AuditConsole() {
  const { t } = useTranslation('audit');
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const entries = log.data?.pages.flat() ?? [];
  // A 422 belongs on the filter inputs; anything else is shown above the table.
  const fieldError = isApiError(log.error) && Object.keys(log.error.fields).length ? log.error : null;
  return (
    <div className="hx-audit">
      <div className="hx-audit__checks">
        <VerifyPanel />
        <AnchorsPanel />
      </div>
      <AuditFilterForm
        onApply={(values: AuditFilterValues) => {
          const next = toAuditFilter(values);
          // The same filters again: read the log afresh (new rows may have come in).
          if (JSON.stringify(next) === JSON.stringify(filter)) void log.refetch();
          else setFilter(next);
        }}
        pending={log.isFetching && !log.isFetchingNextPage}
        serverError={fieldError}
      />
      <section aria-labelledby="audit-log-title" className="hx-audit__log">
        <div className="hx-audit__log-head">
          <h2 id="audit-log-title" className="hx-audit__h2">
            {t('log.title')}
          </h2>
          <ExportButtons filter={filter} />
        </div>
        {log.error && !fieldError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : null}
        <AuditLogTable
          entries={entries}
          loading={log.isPending}
          hasOlder={log.hasNextPage}
          loadingOlder={log.isFetchingNextPage}
          onLoadOlder={() => void log.fetchNextPage()}
        />
      </section>
    </div>
  );
}
