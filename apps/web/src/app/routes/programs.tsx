import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';

/** Placeholder until the programs API (issue 3) lands. */
export function ProgramsPage() {
  const { t } = useTranslation();
  return (
    <div className="hx-page">
      <PageTitle title={t('nav.programs')} />
      <h1 className="hx-page__title">{t('nav.programs')}</h1>
      <Result status="info" title={t('comingSoon.title')} subTitle={t('comingSoon.description')} />
    </div>
  );
}
