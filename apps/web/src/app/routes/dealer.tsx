/**
 * The dealer pages: the public registration (resident area, phone-first), the dealer's console page
 * (status and product register) and the commerce office's review of organisations. The dealer
 * feature draws them; the programs feature names programs and their categories — features do not
 * import each other, so they meet here.
 */
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { localized } from '@/lib/i18n';
import { DealerHome, type GoodsProgramChoice } from '@/features/dealer/components/dealer-home';
import {
  CertificatesPage,
  Import,
  NewSale,
  Redeem,
  ReceiptsPage,
  Sales,
} from '@/features/dealer/components/dealer-pages';
import type { SaleProgramChoice } from '@/features/dealer/components/sale-form';
import { OrganizationsReview } from '@/features/dealer/components/organizations-review';
import { RegistrationForm } from '@/features/dealer/components/registration-form';
import { programQueryOptions } from '@/features/programs/api/get-program';
import { usePrograms } from '@/features/programs/api/get-programs';

export const DEALER_REGISTER_PATH = '/dealer/register';

function useProgramChoices() {
  const { i18n } = useTranslation();
  const programs = usePrograms();
  return (programs.data ?? [])
    .filter((p) => p.status !== 'closed')
    .map((p) => ({ code: p.code, kind: p.kind, title: localized(p.title, i18n.language) }));
}

export function DealerRegisterPage() {
  const { t } = useTranslation('dealer');
  const programs = useProgramChoices();
  return (
    <div className="hx-page hx-page--narrow">
      <PageTitle title={t('register.title')} />
      <RegistrationForm programs={programs} />
      <p className="hx-note">
        <Link to="/console/login">{t('register.signIn')}</Link>
      </p>
    </div>
  );
}

/** Every open or upcoming program with its detail: categories, grade field and the definition. */
function useProgramDetails(): Array<SaleProgramChoice & { hasGrade: boolean }> {
  const { i18n } = useTranslation();
  const programs = useProgramChoices();
  const details = useQueries({ queries: programs.map((p) => programQueryOptions(p.code)) });
  return programs.map((p, i) => {
    const detail = details[i]?.data;
    const fields = detail?.factFields ?? [];
    const category = fields.find((f) => f.path === 'item.category');
    return {
      code: p.code,
      title: p.title,
      kind: p.kind,
      ...(detail ? { definition: detail.definition } : {}),
      categories: (category?.options ?? []).map((o) => ({
        value: o.value,
        label: localized(o.label, i18n.language),
      })),
      hasGrade: fields.some((f) => f.path === 'item.efficiencyGrade'),
    };
  });
}

export function DealerConsolePage() {
  const { t } = useTranslation('dealer');
  const choices: GoodsProgramChoice[] = useProgramDetails().filter((p) => !p.kind.startsWith('car'));
  return (
    <div className="hx-page">
      <PageTitle title={t('products.title')} />
      <DealerHome programs={choices} />
    </div>
  );
}

export function DealerNewSalePage() {
  const { t } = useTranslation('dealer');
  return (
    <div className="hx-page">
      <PageTitle title={t('nav.newSale')} />
      <NewSale programs={useProgramDetails()} />
    </div>
  );
}

/** The counter: redeem a voucher, phone-first (the cashier's phone is the scanner). */
export function DealerRedeemPage() {
  const { t } = useTranslation('dealer');
  return (
    <div className="hx-page hx-page--narrow">
      <PageTitle title={t('counter.title')} />
      <Redeem programs={useProgramDetails()} />
    </div>
  );
}

export function DealerSalesPage() {
  const { t } = useTranslation('dealer');
  return (
    <div className="hx-page">
      <PageTitle title={t('sales.title')} />
      <Sales programs={useProgramDetails()} />
    </div>
  );
}

export function DealerImportPage() {
  const { t } = useTranslation('dealer');
  return (
    <div className="hx-page">
      <PageTitle title={t('import.title')} />
      <Import />
    </div>
  );
}

export function DealerCertificatesPage() {
  const { t } = useTranslation('dealer');
  return (
    <div className="hx-page">
      <PageTitle title={t('certificates.title')} />
      <CertificatesPage />
    </div>
  );
}

export function DealerReceiptsPage() {
  const { t } = useTranslation('dealer');
  // The old item's categories: those of the goods programs (appliances, digital), once each.
  const categories = [
    ...new Map(
      useProgramDetails()
        .filter((p) => !p.kind.startsWith('car'))
        .flatMap((p) => p.categories)
        .map((c) => [c.value, c] as const),
    ).values(),
  ];
  return (
    <div className="hx-page">
      <PageTitle title={t('receipts.title')} />
      <ReceiptsPage categories={categories} />
    </div>
  );
}

export function OrganizationsReviewPage() {
  const { t } = useTranslation('dealer');
  const programs = useProgramChoices();
  return (
    <div className="hx-page">
      <PageTitle title={t('review.title')} />
      <OrganizationsReview programTitle={(code) => programs.find((p) => p.code === code)?.title ?? code} />
    </div>
  );
}
