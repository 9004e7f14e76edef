import { Table, type TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/query-state';

/**
 * A dealer's own records of one kind (certificates, recycling receipts) as a titled table: the
 * read's error with a retry, 20 a page, and what to say when there are none yet.
 */
export function RecordList<T extends { id: string }>({
  id,
  title,
  empty,
  list,
  columns,
}: {
  id: string;
  title: string;
  empty: string;
  list: UseQueryResult<T[]>;
  columns: TableColumnsType<T>;
}) {
  return (
    <section className="hx-section" aria-labelledby={id}>
      <h2 id={id} className="hx-section__title">
        {title}
      </h2>
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<T>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: empty }}
        columns={columns}
      />
    </section>
  );
}
