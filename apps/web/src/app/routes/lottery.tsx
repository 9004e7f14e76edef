import { useParams, useSearchParams, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { localized } from '@/lib/i18n';
import { useProgram } from '@/features/programs/api/get-program';
import { usePublicLottery } from '@/features/lottery/api/lottery';
import { lotteryCategoriesOf } from '@/features/lottery/lib/categories';
import { PublicLottery } from '@/features/lottery/components/public-lottery';
import { useNow } from '@/features/vouchers/lib/countdown';

/** `/programs/:code/lottery[?round=n]`: the public lottery round, its result and how to check it. */
export function PublicLotteryPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const raw = params.get('round');
  const requested = raw && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : undefined;
  const { t, i18n } = useTranslation(['lottery', 'programs']);
  const program = useProgram(code);
  const round = usePublicLottery(code, requested);
  const now = useNow(30_000);
  const title = program.data ? localized(program.data.title, i18n.language) : code;
  const categories = lotteryCategoriesOf(program.data?.definition);
  const categoryLabel = (value: string) =>
    localized(categories.find((c) => c.value === value)?.label ?? { zh: value, en: value }, i18n.language);
  const noRound = round.isError && isApiError(round.error) && round.error.status === 404;
  const shown = round.data?.round;
  const verifyUrl = `${window.location.origin}/api/programs/${encodeURIComponent(code)}/lottery${
    shown ? `?round=${shown}` : ''
  }`;
  return (
    <div className="hx-page hx-page--narrow">
      <PageTitle title={`${t('publicTitle')} · ${title}`} />
      <Breadcrumbs
        items={[
          { to: '/programs', label: t('programs:title') },
          { to: `/programs/${encodeURIComponent(code)}`, label: title },
          { label: t('publicTitle') },
        ]}
      />
      <h1 className="hx-page__title">{t('publicTitle')}</h1>
      <p className="hx-lead">{title}</p>
      {round.isPending ? <LoadingState /> : null}
      {noRound ? <p className="hx-note">{t('round.none')}</p> : null}
      {round.isError && !noRound ? (
        <ErrorState error={round.error} onRetry={() => void round.refetch()} />
      ) : null}
      {round.data ? (
        <>
          {round.data.round > 1 ? (
            <nav className="hx-actions" aria-label={t('publicTitle')}>
              <Link to={`?round=${round.data.round - 1}`}>
                {t('round.previous', { round: round.data.round - 1 })}
              </Link>
              {requested !== undefined ? <Link to="?">{t('round.latest')}</Link> : null}
            </nav>
          ) : null}
          <PublicLottery round={round.data} now={now} categoryLabel={categoryLabel} verifyUrl={verifyUrl} />
        </>
      ) : null}
    </div>
  );
}
