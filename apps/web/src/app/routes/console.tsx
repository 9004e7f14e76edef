import { LockOutlined } from '@ant-design/icons';
import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';

export type ConsoleSection = 'dashboard' | 'review' | 'payments' | 'programs' | 'audit';

/** Every console page is honest about the state of things: staff sign-in does not exist yet, so nothing is shown. */
export function ConsoleSignInRequired({ section }: { section: ConsoleSection }) {
  const { t } = useTranslation('console');
  const heading = t(`menu.${section}`);
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={heading} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {heading}
      </Typography.Title>
      <Result
        icon={<LockOutlined aria-hidden />}
        title={<h2 className="hx-result-title">{t('signInRequired.title')}</h2>}
        subTitle={t('signInRequired.description')}
        extra={<Typography.Text type="secondary">{t('signInRequired.note')}</Typography.Text>}
      />
    </section>
  );
}
