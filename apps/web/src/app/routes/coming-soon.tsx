import { ClockCircleOutlined } from '@ant-design/icons';
import { Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { PageTitle } from '@/components/ui/page-title';

/** `/me/applications`: not built yet, and says so. No sample data. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  return (
    <div className="hx-page">
      <PageTitle title={t('nav.applications')} />
      <h1 className="hx-page__title">
        {t('nav.applications')} <Tag className="hx-soon">{t('comingSoon.tag')}</Tag>
      </h1>
      <Result
        icon={<ClockCircleOutlined aria-hidden />}
        title={<h2 className="hx-result-title">{t('comingSoon.applicationsTitle')}</h2>}
        subTitle={t('comingSoon.applications')}
        extra={<LinkButton to="/programs">{t('actions.viewPrograms')}</LinkButton>}
      />
    </div>
  );
}
