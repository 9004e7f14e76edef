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

export function DealerConsolePage() {
  const { i18n } = useTranslation();
  const { t } = useTranslation('dealer');
  const goods = useProgramChoices().filter((p) => !p.kind.startsWith('car'));
  const details = useQueries({ queries: goods.map((p) => programQueryOptions(p.code)) });
  const choices: GoodsProgramChoice[] = goods.map((p, i) => {
    const fields = details[i]?.data?.factFields ?? [];
    const category = fields.find((f) => f.path === 'item.category');
    return {
      code: p.code,
      title: p.title,
      categories: (category?.options ?? []).map((o) => ({
        value: o.value,
        label: localized(o.label, i18n.language),
      })),
      hasGrade: fields.some((f) => f.path === 'item.efficiencyGrade'),
    };
  });
  return (
    <div className="hx-page">
      <PageTitle title={t('products.title')} />
      <DealerHome programs={choices} />
    </div>
  );
}

export function OrganizationsReviewPage() {
  const { t } = useTranslation('dealer');
  return (
    <div className="hx-page">
      <PageTitle title={t('review.title')} />
      <OrganizationsReview />
    </div>
  );
}
