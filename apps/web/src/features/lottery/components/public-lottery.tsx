import { useId, useState } from 'react';
import { Input } from 'antd';
import { formatFen, LOTTERY_ALGORITHM, type PublicLotteryRound } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { moneyLocale } from '@/lib/i18n';
import { Recheck } from './recheck';
import { RoundFacts } from './round-facts';

/**
 * The public lottery round (no sign-in, no personal data: only random entry ids): the round and
 * its committed seed hash; after the draw the revealed seed, the counts, the winners in rank order,
 * a search "was my entry drawn?", and how to recompute it — the algorithm in words, the CLI, and
 * the in-browser re-check.
 */
export function PublicLottery({
  round,
  now,
  categoryLabel,
  verifyUrl,
}: {
  round: PublicLotteryRound;
  now: number;
  categoryLabel: (value: string) => string;
  /** The absolute URL of this round's JSON, for the CLI command. */
  verifyUrl: string;
}) {
  const { t, i18n } = useTranslation('lottery');
  const money = (fen: number) => formatFen(fen, moneyLocale(i18n.language));
  const drawn = round.winners !== undefined;
  const searchId = useId();
  return (
    <div className="hx-lottery-public" data-testid="public-lottery">
      <section className="hx-card hx-gap">
        <RoundFacts round={round} now={now} />
        <p className="hx-note">{t('round.seedHashNote')}</p>
      </section>

      <section className="hx-card hx-gap" aria-labelledby="lottery-result-title">
        <h2 id="lottery-result-title" className="hx-card-title">
          {t('result.title')}
        </h2>
        <dl className="hx-lottery-facts" data-testid="lottery-counts">
          <dt>{t('result.entries')}</dt>
          <dd data-testid="lottery-entry-count">{round.entries.length}</dd>
          <dt>{t('result.perVoucher')}</dt>
          <dd>{money(round.maxSubsidyFen)}</dd>
          {drawn ? (
            <>
              <dt>{t('result.remaining')}</dt>
              <dd>{money(round.remainingFenAtDraw ?? 0)}</dd>
              <dt>{t('result.slots')}</dt>
              <dd>{round.slots}</dd>
              <dt>{t('result.winners')}</dt>
              <dd data-testid="lottery-winner-count">{round.winners!.length}</dd>
            </>
          ) : null}
        </dl>
        {!drawn ? <p className="hx-note">{t('result.pending')}</p> : null}
        {drawn ? <EntrySearch round={round} inputId={searchId} /> : null}
        {drawn && round.winners!.length > 0 ? (
          <>
            <h3 className="hx-section__title">{t('result.winnersTitle')}</h3>
            <ol className="hx-lottery-ids" data-testid="lottery-winners">
              {round.winners!.map((id) => (
                <li key={id}>
                  <code className="hx-hash">{id}</code>
                </li>
              ))}
            </ol>
          </>
        ) : null}
        <h3 className="hx-section__title">{t('result.entriesTitle')}</h3>
        {round.entries.length === 0 ? (
          <p className="hx-note">{t('result.noEntries')}</p>
        ) : (
          <ul className="hx-lottery-ids" data-testid="lottery-entries">
            {round.entries.map((entry) => (
              <li key={entry.id}>
                <code className="hx-hash">{entry.id}</code> <span>{categoryLabel(entry.category)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="hx-card hx-gap" aria-labelledby="lottery-verify-title">
        <h2 id="lottery-verify-title" className="hx-card-title">
          {t('verify.title')}
        </h2>
        <p>{t('verify.algorithm', { name: LOTTERY_ALGORITHM })}</p>
        <ol className="hx-lottery-steps">
          <li>{t('verify.step1')}</li>
          <li>{t('verify.step2')}</li>
          <li>{t('verify.step3')}</li>
          <li>{t('verify.step4')}</li>
        </ol>
        <p className="hx-note">{t('verify.fair')}</p>
        <p>{t('verify.cli')}</p>
        <pre className="hx-lottery-cli" data-testid="lottery-cli">
          <code>{`npm run build -w @huanxin/api\nnode apps/api/dist/cli/lottery-verify.js --url '${verifyUrl}'`}</code>
        </pre>
        <h3 className="hx-section__title">{t('verify.browser')}</h3>
        <Recheck round={round} />
      </section>
    </div>
  );
}

/** "Was my entry drawn?": a (prefix of an) entry id, answered from the public lists. */
function EntrySearch({ round, inputId }: { round: PublicLotteryRound; inputId: string }) {
  const { t } = useTranslation('lottery');
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const matches = needle ? round.entries.filter((entry) => entry.id.startsWith(needle)) : [];
  let answer: string | null = null;
  if (needle) {
    if (matches.length === 0) answer = t('result.searchNone');
    else if (matches.length > 1) answer = t('result.searchMany', { count: matches.length });
    else {
      const id = matches[0]!.id;
      const rank = round.winners!.indexOf(id);
      answer = rank >= 0 ? t('result.searchWon', { id, rank: rank + 1 }) : t('result.searchLost', { id });
    }
  }
  return (
    <div className="hx-lottery-search">
      <label htmlFor={inputId} className="hx-lottery-search__label">
        {t('result.search')}
      </label>
      <Input
        id={inputId}
        size="large"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('result.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${inputId}-answer`}
      />
      <p
        id={`${inputId}-answer`}
        className="hx-lottery-search__answer"
        aria-live="polite"
        data-testid="lottery-search-answer"
      >
        {answer}
      </p>
    </div>
  );
}
