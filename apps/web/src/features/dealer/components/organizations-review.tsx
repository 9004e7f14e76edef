import { useState } from 'react';
import { Button, Descriptions, Input, Modal, Segmented, Space, Table, Tag, Timeline } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import {
  ORGANIZATION_STATUSES,
  ORGANIZATION_TRANSITIONS,
  type OrganizationStatus,
  validateUscc,
  type OrganizationView,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { errorMessage } from '@/lib/error-message';
import {
  useChangeOrganizationStatus,
  useOrganization,
  useOrganizations,
  type StatusChange,
} from '../api/organizations';
import { useOrganizationDocuments } from '../api/documents';
import { STATUS_COLOR } from './dealer-home';
import { OrganizationDocumentsTable } from './registration-documents';

type Target = StatusChange['status'];

/** The credit code's check result with the shared validator (the same check the registration ran). */
export function UsccCheck({ uscc }: { uscc: string }) {
  const { t } = useTranslation('dealer');
  const checked = validateUscc(uscc);
  return checked.ok ? (
    <Tag color="green" icon={<CheckCircleOutlined aria-hidden />} data-testid="uscc-check">
      {t('review.usccOk')}
    </Tag>
  ) : (
    <Tag color="red" icon={<CloseCircleOutlined aria-hidden />} data-testid="uscc-check">
      {t(`errors.uscc.${checked.errors[0] ?? 'INVALID_FORMAT'}`, { defaultValue: t('review.usccBad') })}
    </Tag>
  );
}

/** An organisation's file: registration data and every status change with its reason. */
function OrganizationDetails({ id }: { id: string }) {
  const { t, i18n } = useTranslation('dealer');
  const detail = useOrganization(id);
  const documents = useOrganizationDocuments(id);
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const o = detail.data;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN');
  return (
    <div className="hx-org-detail" data-testid={`org-detail-${o.uscc}`}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" className="hx-descriptions">
        <Descriptions.Item label={t('fields.uscc')}>
          {o.uscc} <UsccCheck uscc={o.uscc} />
        </Descriptions.Item>
        <Descriptions.Item label={t('review.registeredAt')}>{when(o.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('review.accountName')}>
          {o.payoutAccountName ?? '—'}
          {o.payoutAccountName && o.payoutAccountName !== o.name ? (
            <Tag color="orange">{t('review.accountNameDiffers')}</Tag>
          ) : null}
        </Descriptions.Item>
      </Descriptions>
      <h3 className="hx-section__subtitle">{t('documents.title')}</h3>
      {documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : (
        <OrganizationDocumentsTable organizationId={o.id} documents={documents.data ?? []} />
      )}
      <h3 className="hx-section__subtitle">{t('review.history')}</h3>
      <Timeline
        items={o.history.map((h) => ({
          color: STATUS_COLOR[h.toStatus],
          content: (
            <>
              <strong>
                {h.fromStatus
                  ? `${t(`status.${h.fromStatus}`)} → ${t(`status.${h.toStatus}`)}`
                  : t('review.registered')}
              </strong>{' '}
              <span className="hx-note">{when(h.at)}</span>
              {/* The registration's own event carries the server's marker, not a person's reason. */}
              {h.fromStatus ? <div>{h.reason}</div> : null}
            </>
          ),
        }))}
      />
    </div>
  );
}

/**
 * The commerce office's page: registrations by status (pending first) with the credit code, kinds,
 * programs and masked payout account; the allowed changes (the shared lifecycle) each ask a reason.
 */
export function OrganizationsReview({
  programTitle = (code) => code,
}: {
  /** A program's title by its code (the programs feature knows them). */
  programTitle?: (code: string) => string;
}) {
  const { t } = useTranslation('dealer');
  const [status, setStatus] = useState<OrganizationStatus>('pending');
  const organizations = useOrganizations(status);
  const change = useChangeOrganizationStatus();
  const [pending, setPending] = useState<{ organization: OrganizationView; to: Target } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    if (!pending) return;
    setError(null);
    try {
      await change.mutateAsync({ id: pending.organization.id, status: pending.to, reason: reason.trim() });
      setPending(null);
      setReason('');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="hx-section" aria-labelledby="orgs-title">
      <h2 id="orgs-title" className="hx-section__title">
        {t('review.title')}
      </h2>
      <Segmented<OrganizationStatus>
        value={status}
        onChange={setStatus}
        options={ORGANIZATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        aria-label={t('review.filter')}
      />
      {organizations.isError ? (
        <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : null}
      <Table<OrganizationView>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={organizations.isLoading}
        dataSource={organizations.data ?? []}
        locale={{ emptyText: t('review.empty') }}
        expandable={{
          expandedRowRender: (o) => <OrganizationDetails id={o.id} />,
          expandRowByClick: false,
        }}
        columns={[
          {
            title: t('fields.name'),
            render: (_, o) => (
              <>
                <strong>{o.name}</strong>
                <div className="hx-note">
                  {o.uscc} <UsccCheck uscc={o.uscc} />
                </div>
              </>
            ),
          },
          { title: t('fields.kinds'), render: (_, o) => o.kinds.map((k) => t(`kinds.${k}`)).join('、') },
          { title: t('fields.programs'), render: (_, o) => o.programs.map(programTitle).join('、') },
          {
            title: t('fields.contactName'),
            render: (_, o) => `${o.contactName ?? '—'} ${o.contactPhoneMasked ?? ''}`,
          },
          {
            title: t('fields.payoutAccountNo'),
            render: (_, o) => `${o.payoutBankName ?? '—'} ${o.payoutAccountMasked ?? ''}`,
          },
          {
            title: t('fields.status'),
            render: (_, o) => (
              <>
                <Tag color={STATUS_COLOR[o.status]}>{t(`status.${o.status}`)}</Tag>
                {o.statusReason ? <div className="hx-note">{o.statusReason}</div> : null}
              </>
            ),
          },
          {
            title: t('review.actions'),
            render: (_, o) => (
              <Space wrap>
                {(ORGANIZATION_TRANSITIONS[o.status] as Target[]).map((to) => (
                  <Button
                    key={to}
                    size="small"
                    danger={to !== 'active'}
                    onClick={() => {
                      setPending({ organization: o, to });
                      setError(null);
                    }}
                    data-testid={`org-${o.uscc}-${to}`}
                  >
                    {t(`review.to.${to}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={pending !== null}
        title={
          pending
            ? t('review.confirm', { name: pending.organization.name, status: t(`status.${pending.to}`) })
            : ''
        }
        okText={t('review.ok')}
        cancelText={t('review.cancel')}
        okButtonProps={
          { disabled: reason.trim().length < 2 || change.isPending, 'data-testid': 'org-status-ok' } as never
        }
        onOk={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        <label htmlFor="org-status-reason" className="hx-field__label">
          {t('review.reason')}
        </label>
        <Input.TextArea
          id="org-status-reason"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
        />
        {error ? (
          <p className="hx-field__error" role="alert">
            {errorMessage(t, error)}
          </p>
        ) : null}
      </Modal>
    </section>
  );
}
