import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { StatsDashboard } from '@/features/stats/components/stats-dashboard';

/** `/stats`: the public dashboard (no sign-in). */
export function StatsPage() {
  const { t } = useTranslation('stats');
  return (
    <div className="hx-page">
      <PageTitle title={t('title')} />
      <h1 className="hx-page__title">{t('title')}</h1>
      <p className="hx-lead">{t('lead')}</p>
      <StatsDashboard />
    </div>
  );
}
