import { Link } from 'react-router';
import { RightOutlined } from '@ant-design/icons';
import { formatFen, type ApplicationView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { moneyLocale } from '@/lib/i18n';
import { ApplicationStatusTag } from './status-tag';

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The amount to show: the reservation once submitted, else the last evaluation's estimate. */
export function applicationAmountFen(
  application: Pick<ApplicationView, 'reservedFen' | 'evaluation'>,
): number | null {
  if (application.reservedFen) return application.reservedFen;
  return application.evaluation?.amountFen ?? null;
}

export function ApplicationCard({
  application,
  programTitle,
}: {
  application: ApplicationView;
  programTitle: string;
}) {
  const { t, i18n } = useTranslation('applications');
  const amount = applicationAmountFen(application);
  return (
    <li className="hx-app-card" data-testid="application-card" data-code={application.code}>
      <Link to={`/applications/${application.id}`} className="hx-app-card__link">
        <span className="hx-app-card__top">
          <span className="hx-app-card__code">{application.code}</span>
          <ApplicationStatusTag status={application.status} />
        </span>
        <span className="hx-app-card__title">{programTitle}</span>
        <span className="hx-app-card__meta">
          <span>
            {application.reservedFen ? t('card.reserved') : t('card.estimate')}
            {amount !== null ? formatFen(amount, moneyLocale(i18n.language)) : t('card.noAmount')}
          </span>
          <span>{t('card.updated', { at: formatDateTime(application.updatedAt, i18n.language) })}</span>
        </span>
        <RightOutlined aria-hidden className="hx-app-card__chevron" />
      </Link>
    </li>
  );
}
