import { Tag } from 'antd';
import type { PublicLotteryRound } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { roundState } from '../lib/categories';
import { formatShanghaiTime } from '../lib/time';

const STATE_COLOR = { upcoming: 'default', open: 'green', closed: 'orange', drawn: 'blue' } as const;

/** A round's times (Asia/Shanghai), its state and the seed hash committed when it opened. */
export function RoundFacts({ round, now }: { round: PublicLotteryRound; now: number }) {
  const { t, i18n } = useTranslation('lottery');
  const at = (iso: string) => formatShanghaiTime(iso, i18n.language);
  const state = roundState(round, now);
  return (
    <div className="hx-lottery-round" data-testid="lottery-round" data-state={state}>
      <div className="hx-lottery-round__head">
        <h3 className="hx-card-title">{t('round.title', { round: round.round })}</h3>
        <Tag color={STATE_COLOR[state]}>{t(`round.${state === 'upcoming' ? 'closed' : state}`)}</Tag>
      </div>
      <dl className="hx-lottery-facts">
        <dt>{t('round.opensAt')}</dt>
        <dd>{at(round.opensAt)}</dd>
        <dt>{t('round.closesAt')}</dt>
        <dd>{at(round.closesAt)}</dd>
        <dt>{t('round.drawAt')}</dt>
        <dd>{at(round.drawAt)}</dd>
        {round.drawnAt ? (
          <>
            <dt>{t('round.drawnAt')}</dt>
            <dd>{at(round.drawnAt)}</dd>
          </>
        ) : null}
      </dl>
      <p className="hx-note">{t('round.timeZone')}</p>
      <dl className="hx-lottery-facts hx-lottery-facts--stacked">
        <dt>{t('round.seedHash')}</dt>
        <dd>
          <code className="hx-hash" data-testid="lottery-seed-hash">
            {round.seedHash}
          </code>
        </dd>
        {round.seed ? (
          <>
            <dt>{t('round.seed')}</dt>
            <dd>
              <code className="hx-hash" data-testid="lottery-seed">
                {round.seed}
              </code>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
