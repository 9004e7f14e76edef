import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { ProgramList } from '@/features/programs/components/program-list';

export function ProgramsPage() {
  const { t } = useTranslation('programs');
  return (
    <div className="hx-page">
      <PageTitle title={t('title')} />
      <h1 className="hx-page__title">{t('title')}</h1>
      <p className="hx-lead">{t('lead')}</p>
      <ProgramList />
    </div>
  );
}
