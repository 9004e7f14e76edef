/** `/console/audit`: the auditor's console (its own chunk: other staff never load it). */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { AuditConsole } from '@/features/audit/components/audit-console';
import '@/features/audit/audit.css';

export function AuditPage() {
  const { t } = useTranslation('audit');
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={t('page.title')} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('page.title')}
      </Typography.Title>
      <p className="hx-note">{t('page.intro')}</p>
      <AuditConsole />
    </section>
  );
}
