import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { checkState, isHealthy, useHealth } from '../api/get-health';

const GOOD = new Set(['ok', 'up', 'healthy']);

export function SystemStatus() {
  const { t, i18n } = useTranslation('home');
  const health = useHealth();

  let body;
  if (health.isPending) {
    body = <LoadingState />;
  } else if (health.isError) {
    body = (
      <ErrorState error={health.error} title={t('status.error')} onRetry={() => void health.refetch()} />
    );
  } else {
    const ok = isHealthy(health.data);
    const time = new Intl.DateTimeFormat(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'Asia/Shanghai',
    }).format(health.dataUpdatedAt);
    body = (
      <div className="hx-status" data-testid="system-status" data-status={health.data.status}>
        <p className={ok ? 'hx-status__summary is-ok' : 'hx-status__summary is-degraded'} role="status">
          {ok ? <CheckCircleFilled aria-hidden /> : <ExclamationCircleFilled aria-hidden />}
          <span>{ok ? t('status.ok') : t('status.degraded')}</span>
        </p>
        <ul className="hx-status__checks" aria-label={t('status.title')}>
          {Object.entries(health.data.checks).map(([name, value]) => {
            const state = checkState(value);
            const good = GOOD.has(state);
            return (
              <li key={name}>
                <span>{t(`status.checks.${name}`, { defaultValue: name })}</span>
                <Tag
                  className={`hx-check-tag ${good ? 'is-ok' : 'is-down'}`}
                  icon={good ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
                >
                  {t(`status.checkState.${state}`, { defaultValue: state })}
                </Tag>
              </li>
            );
          })}
        </ul>
        <p className="hx-status__time">{t('status.checkedAt', { time })}</p>
      </div>
    );
  }

  return (
    <Card
      title={<h2 className="hx-card-title">{t('status.title')}</h2>}
      className="hx-card"
      data-testid="status-card"
    >
      {body}
    </Card>
  );
}
