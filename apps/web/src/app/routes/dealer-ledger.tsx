/** `/console/dealer/ledger`: the dealer organisation's money ledger (issue 13). */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { DealerFrame } from '@/features/dealer/components/dealer-pages';
import { DealerLedger } from '@/features/dealer/ledger/components/dealer-ledger';

export function DealerLedgerPage() {
  const { t } = useTranslation('ledger');
  return (
    <div className="hx-page">
      <PageTitle title={t('title')} />
      <DealerFrame>{() => <DealerLedger />}</DealerFrame>
    </div>
  );
}
