import { useCallback, useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import type { PublicLotteryRound } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { recheckRound, type Recheck } from '../lib/recompute';

type State =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; check: Recheck } | { kind: 'unsupported' };

/**
 * "Check it in your browser": recomputes the draw from the public round (lib/recompute: WebCrypto
 * and the shared draw) when a drawn round is shown and on request, and says "matches" or "does not
 * match" with the reasons.
 */
export function Recheck({ round }: { round: PublicLotteryRound }) {
  const { t } = useTranslation('lottery');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const drawn = round.winners !== undefined;

  const run = useCallback(
    (signal: { cancelled: boolean }) => {
      if (!globalThis.crypto?.subtle) {
        setState({ kind: 'unsupported' });
        return;
      }
      setState({ kind: 'running' });
      recheckRound(round).then(
        (check) => {
          if (!signal.cancelled) setState({ kind: 'done', check });
        },
        () => {
          if (!signal.cancelled) setState({ kind: 'unsupported' });
        },
      );
    },
    [round],
  );

  useEffect(() => {
    if (!drawn) return undefined;
    const signal = { cancelled: false };
    run(signal);
    return () => {
      signal.cancelled = true;
    };
  }, [drawn, run]);

  if (!drawn) return <p className="hx-note">{t('verify.notDrawn')}</p>;
  return (
    <div className="hx-lottery-recheck" data-testid="lottery-recheck">
      <p className="hx-note">{t('verify.browserNote')}</p>
      <div aria-live="polite">
        {state.kind === 'running' ? <p role="status">{t('verify.running')}</p> : null}
        {state.kind === 'unsupported' ? (
          <Alert type="warning" showIcon title={t('verify.unsupported')} />
        ) : null}
        {state.kind === 'done' ? (
          <Alert
            type={state.check.ok ? 'success' : 'error'}
            showIcon
            data-testid="lottery-recheck-result"
            data-ok={String(state.check.ok)}
            title={state.check.ok ? t('verify.matches') : t('verify.mismatch')}
            description={
              state.check.ok ? undefined : (
                <ul>
                  {state.check.problems.map((problem) => (
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
        onClick={() => run({ cancelled: false })}
        disabled={state.kind === 'running'}
        className="hx-gap"
      >
        {t('verify.run')}
      </Button>
    </div>
  );
}
