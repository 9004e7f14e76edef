/**
 * The finance console's payments page: build a batch, the batches, one batch (lines, release by a
 * second finance user, the bank file, the result import) and the receivables. The payments feature
 * draws them; program titles come from the programs feature and the signed-in user from auth.
 */
import { useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { localized } from '@/lib/i18n';
import { useSession } from '@/features/auth/hooks/use-session';
import { usePrograms } from '@/features/programs/api/get-programs';
import { BatchDetail, BatchList, BuildBatchForm } from '@/features/payments/components/batches';
import { ReceivablesTable } from '@/features/payments/components/receivables';

export function PaymentsPage() {
  const { t, i18n } = useTranslation('payments');
  const session = useSession();
  const programs = usePrograms();
  const [selected, setSelected] = useState<string | null>(null);
  const options = (programs.data ?? []).map((p) => ({
    code: p.code,
    title: localized(p.title, i18n.language),
  }));
  const title = (code: string) => options.find((p) => p.code === code)?.title ?? code;
  return (
    <section aria-labelledby="console-heading" className="hx-console-page">
      <PageTitle title={t('pages.payments')} />
      <Typography.Title level={1} id="console-heading" className="hx-console-page__title">
        {t('pages.payments')}
      </Typography.Title>
      <p className="hx-note">{t('pages.intro')}</p>
      <BuildBatchForm programs={options} onBuilt={setSelected} />
      <h2>{t('pages.batches')}</h2>
      <BatchList selected={selected} onSelect={setSelected} programTitle={title} />
      {selected ? <BatchDetail id={selected} userId={session.user?.id} programTitle={title} /> : null}
      <h2>{t('pages.receivables')}</h2>
      <ReceivablesTable />
    </section>
  );
}
