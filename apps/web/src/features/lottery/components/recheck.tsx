import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import type { PublicLotteryRound } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { recheckRound } from '../lib/recompute';

/**
 * "Check it in your browser": recomputes the draw from the public round (lib/recompute: WebCrypto
 * and the shared draw) as soon as a drawn round is shown, and again on request, and says
 * "matches" or "does not match" with the reasons.
 */
export function Recheck({ round }: { round: PublicLotteryRound }) {
  const { t } = useTranslation('lottery');
  const drawn = round.winners !== undefined;
  const check = useQuery({
    queryKey: ['lottery-recheck', round.programCode, round.round, round.seed ?? null, round.winners ?? null],
    queryFn: () => {
      if (!globalThis.crypto?.subtle) throw new Error('no WebCrypto');
      return recheckRound(round);
    },
    enabled: drawn,
    retry: false,
    staleTime: Infinity,
  });

  if (!drawn) return <p className="hx-note">{t('verify.notDrawn')}</p>;
  return (
    <div className="hx-lottery-recheck" data-testid="lottery-recheck">
      <p className="hx-note">{t('verify.browserNote')}</p>
      <div aria-live="polite">
        {check.isFetching ? <p role="status">{t('verify.running')}</p> : null}
        {check.isError && !check.isFetching ? (
          <Alert type="warning" showIcon title={t('verify.unsupported')} />
        ) : null}
        {check.data && !check.isFetching ? (
          <Alert
            type={check.data.ok ? 'success' : 'error'}
            showIcon
            data-testid="lottery-recheck-result"
            data-ok={String(check.data.ok)}
            title={check.data.ok ? t('verify.matches') : t('verify.mismatch')}
            description={
              check.data.ok ? undefined : (
                <ul>
                  {check.data.problems.map((problem) => (
                    <li key={problem}>{t(`verify.problem.${problem}`)}</li>
                  ))}
                </ul>
              )
            }
          />
        ) : null}
      </div>
      <Button
        size="large"
        className="hx-gap"
        disabled={check.isFetching}
        onClick={() => void check.refetch()}
      >
        {t('verify.run')}
      </Button>
    </div>
  );
}
