/**
 * The log, newest first: one row per entry with its chain position ("not chained yet" while the
 * worker's sequencer has not reached it), a drawer with everything the row holds, and "load older"
 * to page back by sequence number.
 */
import { useState } from 'react';
import { Button, Descriptions, Drawer, Table, Tag, type TableProps } from 'antd';
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ClockCircleOutlined,
  DownOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { AuditLogEntry } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { shortHash, useAuditTime } from '../lib/format';

const RESULT_TAG: Record<AuditLogEntry['result'], { color: string; icon: React.ReactNode }> = {
  success: { color: 'success', icon: <CheckCircleOutlined aria-hidden /> },
  failure: { color: 'error', icon: <CloseCircleOutlined aria-hidden /> },
  denied: { color: 'warning', icon: <StopOutlined aria-hidden /> },
};

export function ResultTag({ result }: { result: AuditLogEntry['result'] }) {
  const { t } = useTranslation('audit');
  const tag = RESULT_TAG[result];
  return (
    <Tag color={tag.color} icon={tag.icon}>
      {t(`result.${result}`)}
    </Tag>
  );
}

function ChainPosition({ entry }: { entry: AuditLogEntry }) {
  const { t } = useTranslation('audit');
  return entry.chainSeq === null ? (
    <Tag icon={<ClockCircleOutlined aria-hidden />}>{t('log.notChained')}</Tag>
  ) : (
    <span className="hx-audit__mono">{entry.chainSeq}</span>
  );
}

export function AuditLogTable({
  entries,
  loading,
  hasOlder,
  loadingOlder,
  onLoadOlder,
}: {
  entries: readonly AuditLogEntry[];
  loading: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}) {
  const { t } = useTranslation(['audit', 'auth']);
  const time = useAuditTime();
  const [open, setOpen] = useState<AuditLogEntry | null>(null);
  const columns: TableProps<AuditLogEntry>['columns'] = [
    {
      key: 'seq',
      title: t('log.seq'),
      dataIndex: 'seq',
      width: 90,
      render: (seq: number) => <span className="hx-audit__mono">{seq}</span>,
    },
    { key: 'at', title: t('log.at'), dataIndex: 'at', width: 180, render: (at: string) => time(at) },
    {
      key: 'actor',
      title: t('log.actorRole'),
      width: 120,
      render: (_: unknown, e) =>
        e.actorRole ? t(`auth:roles.${e.actorRole}`, { defaultValue: e.actorRole }) : t('log.system'),
    },
    { key: 'action', title: t('log.action'), dataIndex: 'action', render: (a: string) => <code>{a}</code> },
    {
      key: 'object',
      title: t('log.object'),
      width: 230,
      render: (_: unknown, e) =>
        e.objectType ? (
          <span>
            {e.objectType}
            {e.objectId ? (
              <span className="hx-audit__mono hx-audit__muted"> {shortHash(e.objectId)}</span>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'result',
      title: t('log.result'),
      dataIndex: 'result',
      width: 110,
      render: (r: AuditLogEntry['result']) => <ResultTag result={r} />,
    },
    {
      key: 'chain',
      title: t('log.chainSeq'),
      width: 120,
      render: (_: unknown, e) => <ChainPosition entry={e} />,
    },
    {
      key: 'open',
      title: <span className="hx-visually-hidden">{t('log.details')}</span>,
      width: 80,
      render: (_: unknown, e) => (
        <Button
          size="small"
          onClick={() => setOpen(e)}
          aria-label={t('log.openEntry', { seq: e.seq })}
          data-testid={`audit-open-${e.seq}`}
        >
          {t('log.details')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<AuditLogEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={[...entries]}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('log.empty') }}
        aria-label={t('log.title')}
        data-testid="audit-table"
      />
      <div className="hx-audit__more">
        {hasOlder ? (
          <Button
            icon={<DownOutlined aria-hidden />}
            onClick={onLoadOlder}
            loading={loadingOlder}
            data-testid="audit-older"
          >
            {t('log.loadOlder')}
          </Button>
        ) : entries.length ? (
          <span className="hx-note">{t('log.end', { count: entries.length })}</span>
        ) : null}
      </div>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t('detail.title', { seq: open.seq }) : ''}
        size={560}
        destroyOnHidden
      >
        {open ? <EntryDetail entry={open} /> : null}
      </Drawer>
    </>
  );
}

function EntryDetail({ entry }: { entry: AuditLogEntry }) {
  const { t } = useTranslation(['audit', 'auth']);
  const time = useAuditTime();
  const dash = '—';
  return (
    <div className="hx-audit__detail" data-testid="audit-detail">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'seq', label: t('log.seq'), children: entry.seq },
          { key: 'at', label: t('log.at'), children: `${time(entry.at)} (${entry.at})` },
          {
            key: 'actor',
            label: t('detail.actor'),
            children: entry.actorId ? (
              <span>
                {entry.actorRole ? t(`auth:roles.${entry.actorRole}`, { defaultValue: entry.actorRole }) : ''}{' '}
                <code className="hx-audit__mono hx-audit__break">{entry.actorId}</code>
              </span>
            ) : (
              t('log.system')
            ),
          },
          { key: 'action', label: t('log.action'), children: <code>{entry.action}</code> },
          {
            key: 'object',
            label: t('log.object'),
            children: entry.objectType ? (
              <span>
                {entry.objectType}{' '}
                <code className="hx-audit__mono hx-audit__break">{entry.objectId ?? ''}</code>
              </span>
            ) : (
              dash
            ),
          },
          { key: 'result', label: t('log.result'), children: <ResultTag result={entry.result} /> },
          {
            key: 'requestId',
            label: t('detail.requestId'),
            children: entry.requestId ? (
              <code className="hx-audit__mono hx-audit__break">{entry.requestId}</code>
            ) : (
              dash
            ),
          },
          {
            key: 'ip',
            label: t('detail.ip'),
            children: entry.ip ? <code className="hx-audit__mono">{entry.ip}</code> : dash,
          },
          { key: 'chain', label: t('log.chainSeq'), children: <ChainPosition entry={entry} /> },
          {
            key: 'hash',
            label: t('detail.hash'),
            children: entry.hash ? (
              <code className="hx-audit__mono hx-audit__break">{entry.hash}</code>
            ) : (
              t('detail.noHash')
            ),
          },
        ]}
      />
      <h3 className="hx-audit__h3">{t('detail.detail')}</h3>
      <pre
        className="hx-audit__json"
        tabIndex={0}
        aria-label={t('detail.detail')}
        data-testid="audit-detail-json"
      >
        {JSON.stringify(entry.detail, null, 2)}
      </pre>
    </div>
  );
}
