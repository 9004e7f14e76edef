import { useState } from 'react';
import { Alert, Button, Modal, Timeline } from 'antd';
import { DownloadOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  canTransition,
  EDITABLE_STATUSES,
  formatFen,
  type ApplicationDetail,
  type DocumentRequirement,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { localized, moneyLocale } from '@/lib/i18n';
import { errorMessage } from '@/lib/error-message';
import { documentDownloadUrl, useApplicationDocuments, useWithdrawApplication } from '../api/applications';
import { applicationAmountFen, formatDateTime } from './application-card';
import { CorrectionNotice } from './correction-notice';
import { ApplicationStatusTag } from './status-tag';

export function ApplicationDetailView({
  application,
  programTitle,
  documentTitles,
  fieldLabel = (path) => path,
}: {
  application: ApplicationDetail;
  programTitle: string;
  documentTitles: DocumentRequirement[];
  /** A fact path's label in the current language (for the fields a returned claim must fix). */
  fieldLabel?: (path: string) => string;
}) {
  const { t, i18n } = useTranslation('applications');
  const lang = i18n.language;
  const documents = useApplicationDocuments(application.id);
  const withdraw = useWithdrawApplication();
  const [confirming, setConfirming] = useState(false);
  const amount = applicationAmountFen(application);
  const canWithdraw = canTransition(application.status, 'withdrawn');
  const editable = EDITABLE_STATUSES.includes(application.status);
  const docTitle = (kind: string) =>
    localized(documentTitles.find((d) => d.kind === kind)?.title, lang) || kind;

  return (
    <article className="hx-app-detail" data-testid="application-detail">
      <header className="hx-panel">
        <p className="hx-app-card__top">
          <span className="hx-app-card__code">{application.code}</span>
          <ApplicationStatusTag status={application.status} />
        </p>
        <p className="hx-app-card__title">{programTitle}</p>
        <dl className="hx-dl">
          <dt>{application.reservedFen ? t('card.reserved') : t('card.estimate')}</dt>
          <dd>{amount !== null ? formatFen(amount, moneyLocale(lang)) : t('card.noAmount')}</dd>
          {application.submittedAt ? (
            <>
              <dt>{t('detail.submittedAt')}</dt>
              <dd>{formatDateTime(application.submittedAt, lang)}</dd>
            </>
          ) : null}
          <dt>{t('detail.updatedAt')}</dt>
          <dd>{formatDateTime(application.updatedAt, lang)}</dd>
        </dl>
        {application.status === 'returned' && application.correction ? (
          <CorrectionNotice
            correction={application.correction}
            fieldLabel={fieldLabel}
            documentTitle={docTitle}
          />
        ) : application.status === 'returned' ? (
          <Alert type="warning" showIcon title={t('detail.returned')} />
        ) : null}
        {application.payment?.status === 'paid' && application.payment.paidOn ? (
          <Alert
            type="success"
            showIcon
            data-testid="payment-paid"
            title={t('detail.paidOn', {
              date: application.payment.paidOn,
              amount: formatFen(application.payment.amountFen, moneyLocale(lang)),
            })}
          />
        ) : application.payment?.status === 'failed' ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="payment-failed"
            title={t('detail.paymentFailed', { reason: application.payment.reason ?? '' })}
            description={t('detail.paymentFailedHint')}
            action={<LinkButton to="/me/profile">{t('detail.updateBankAccount')}</LinkButton>}
          />
        ) : null}
        {application.payClock ? (
          <Alert
            type={application.payClock.state === 'ok' ? 'info' : 'warning'}
            showIcon
            data-testid="pay-clock"
            data-sla={application.payClock.state}
            title={t(`detail.payClock.${application.payClock.state}`, {
              date: formatDateTime(application.payClock.dueAt, lang),
              days: application.payClock.payDays,
            })}
          />
        ) : null}
        <div className="hx-actions">
          {editable ? (
            <LinkButton to={`/applications/${application.id}/edit`} icon={<EditOutlined aria-hidden />}>
              {application.status === 'returned' ? t('detail.resubmit') : t('detail.edit')}
            </LinkButton>
          ) : null}
          {canWithdraw ? (
            <Button
              danger
              icon={<RollbackOutlined aria-hidden />}
              onClick={() => setConfirming(true)}
              disabled={withdraw.isPending}
            >
              {t('detail.withdraw')}
            </Button>
          ) : null}
        </div>
        {withdraw.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(t, withdraw.error)} />
        ) : null}
      </header>

      <section className="hx-panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="hx-section__title">
          {t('detail.timeline')}
        </h2>
        <Timeline
          items={application.timeline.map((entry) => ({
            key: `${entry.at}-${entry.status}`,
            content: (
              <span className="hx-timeline__item">
                <ApplicationStatusTag status={entry.status} />
                <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                {entry.note ? <span className="hx-timeline__note">{entry.note}</span> : null}
              </span>
            ),
          }))}
        />
      </section>

      <section className="hx-panel" aria-labelledby="docs-title">
        <h2 id="docs-title" className="hx-section__title">
          {t('detail.documents')}
        </h2>
        {documents.data && documents.data.length > 0 ? (
          <ul className="hx-documents">
            {documents.data.map((doc) => (
              <li key={doc.id}>
                <a href={documentDownloadUrl(application.id, doc.id)} download>
                  <DownloadOutlined aria-hidden /> {docTitle(doc.kind)}
                </a>
                <span className="hx-note">
                  {t('detail.size', { kb: Math.max(1, Math.round(doc.size / 1024)) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hx-note">
            {documents.isPending ? t('detail.loadingDocuments') : t('detail.noDocuments')}
          </p>
        )}
      </section>

      <Modal
        open={confirming}
        title={t('withdraw.title')}
        okText={t('withdraw.confirm')}
        cancelText={t('withdraw.cancel')}
        okButtonProps={{ danger: true, disabled: withdraw.isPending }}
        onCancel={() => setConfirming(false)}
        onOk={() => {
          withdraw.mutate(application.id, { onSettled: () => setConfirming(false) });
        }}
      >
        <p>{t('withdraw.body', { code: application.code })}</p>
      </Modal>
    </article>
  );
}
