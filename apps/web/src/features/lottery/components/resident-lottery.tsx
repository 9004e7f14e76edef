import { useState } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { LinkButton } from '@/components/ui/link-button';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/error-message';
import { localized } from '@/lib/i18n';
import { useEnterLottery, useMyLotteryEntries, usePublicLottery } from '../api/lottery';
import { roundState, type LotteryCategory } from '../lib/categories';
import { useNow } from '../lib/time';
import { MyEntries } from './my-entries';
import { RoundFacts } from './round-facts';

/**
 * A lottery program for the resident (phone first): the current round's times and committed seed
 * hash, one "register" button per category (a category entered in this round says so instead),
 * the resident's own entries with their results, and the way to the public results. Signed out,
 * the round and a sign-in link.
 */
export function ResidentLottery({
  programCode,
  categories,
  canEnter,
  signInHref,
  headingLevel = 2,
  showVouchersLink = true,
}: {
  programCode: string;
  categories: readonly LotteryCategory[];
  /** Signed in as a resident (the vouchers permission): register and see own entries. */
  canEnter: boolean;
  /** Where a signed-out visitor signs in (back to this page); null while the session is loading. */
  signInHref: string | null;
  headingLevel?: 2 | 3;
  /** A won entry links to the vouchers page (off on that page itself). */
  showVouchersLink?: boolean;
}) {
  const { t, i18n } = useTranslation(['lottery', 'errors']);
  const now = useNow(30_000);
  const round = usePublicLottery(programCode);
  const mine = useMyLotteryEntries({ enabled: canEnter });
  const enter = useEnterLottery(programCode);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4';

  const label = (value: string) =>
    localized(categories.find((c) => c.value === value)?.label ?? { zh: value, en: value }, i18n.language);
  const own = (mine.data ?? []).filter((entry) => entry.programCode === programCode);
  const current = round.data;
  const enteredNow = new Set(
    current ? own.filter((entry) => entry.round === current.round).map((entry) => entry.category) : [],
  );
  const open = current ? roundState(current, now) === 'open' : false;
  const noRound = round.isError && isApiError(round.error) && round.error.status === 404;
  const titleId = `lottery-${programCode}-title`;

  return (
    <section className="hx-card hx-gap hx-lottery" aria-labelledby={titleId} data-testid="resident-lottery">
      <Heading id={titleId} className="hx-card-title">
        {t('title')}
      </Heading>
      <p className="hx-note">{t('intro')}</p>
      {round.isPending ? <LoadingState /> : null}
      {noRound ? <p className="hx-note">{t('round.none')}</p> : null}
      {round.isError && !noRound ? (
        <ErrorState error={round.error} onRetry={() => void round.refetch()} />
      ) : null}
      {current ? <RoundFacts round={current} now={now} /> : null}
      {current ? (
        <p>
          <Link to={`/programs/${encodeURIComponent(programCode)}/lottery`}>{t('round.publicLink')}</Link>
        </p>
      ) : null}

      {current && !canEnter && signInHref ? (
        <LinkButton to={signInHref}>{t('register.signIn')}</LinkButton>
      ) : null}

      {current && canEnter ? (
        <div className="hx-lottery-register" role="group" aria-labelledby={`${titleId}-register`}>
          <SubHeading id={`${titleId}-register`} className="hx-section__title">
            {t('register.title')}
          </SubHeading>
          <p className="hx-note">{t('register.note')}</p>
          {!open ? <p className="hx-note">{t('register.closed')}</p> : null}
          <div className="hx-lottery-register__buttons">
            {categories.map((category) => {
              const text = localized(category.label, i18n.language);
              const done = enteredNow.has(category.value);
              return (
                <Button
                  key={category.value}
                  block
                  size="large"
                  type={done ? 'default' : 'primary'}
                  disabled={done || !open || enter.isPending}
                  loading={enter.isPending && enter.variables === category.value}
                  data-category={category.value}
                  onClick={() => {
                    setNotice(null);
                    enter.mutate(category.value, {
                      onSuccess: () =>
                        setNotice({ type: 'success', text: t('register.done', { label: text }) }),
                      onError: (error) => setNotice({ type: 'error', text: errorMessage(t, error) }),
                    });
                  }}
                >
                  {done ? t('register.entered', { label: text }) : t('register.button', { label: text })}
                </Button>
              );
            })}
          </div>
          {notice ? (
            <Alert
              type={notice.type}
              showIcon
              role={notice.type === 'error' ? 'alert' : 'status'}
              title={notice.text}
              data-testid="lottery-notice"
              closable={{ onClose: () => setNotice(null) }}
            />
          ) : null}
        </div>
      ) : null}

      {canEnter ? (
        <div className="hx-lottery-mine">
          <SubHeading className="hx-section__title">{t('mine.title')}</SubHeading>
          {mine.isPending ? <LoadingState /> : null}
          {mine.isError ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} /> : null}
          {mine.data ? (
            <MyEntries
              entries={own}
              categoryLabel={(entry) => label(entry.category)}
              showVouchersLink={showVouchersLink}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
