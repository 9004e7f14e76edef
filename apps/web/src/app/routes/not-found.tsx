import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { PageTitle } from '@/components/ui/page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="hx-page">
      <PageTitle title={t('notFound.title')} />
      <Result
        status="404"
        title={<h1 className="hx-result-title">{t('notFound.title')}</h1>}
        subTitle={t('notFound.description')}
        extra={<LinkButton to="/">{t('notFound.home')}</LinkButton>}
      />
    </div>
  );
}
