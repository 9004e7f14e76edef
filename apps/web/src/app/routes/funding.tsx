/**
 * The console's funding page: a tranche of money for a program (finance or admin) and, for admins,
 * a pause with its bilingual notice. Program titles come from the programs feature.
 */
import { Typography } from 'antd';
import { Permission } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { localized } from '@/lib/i18n';
import { useSession } from '@/features/auth/hooks/use-session';
import { usePrograms } from '@/features/programs/api/get-programs';
import { PauseForm, TrancheForm } from '@/features/funding/components/funding-forms';

export function FundingPage() {
  const { t, i18n } = useTranslation('funding');
  const session = useSession();
  const programs = usePrograms();
  const choices = (programs.data ?? []).map((p) => ({
    code: p.code,
    title: localized(p.title, i18n.language),
  }));
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={t('page.title')} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('page.title')}
      </Typography.Title>
      <p className="hx-note">{t('page.intro')}</p>
      <TrancheForm programs={choices} />
      {session.can(Permission.ProgramsManage) ? <PauseForm programs={choices} /> : null}
    </section>
  );
}
