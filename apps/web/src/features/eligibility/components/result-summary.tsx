import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { formatFen, type ClauseResult } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { moneyLocale } from '@/lib/i18n';
import { outcomeCounts } from './clause-results';

export interface SummaryInput {
  eligible: boolean;
  amountFen: number;
  /** Absent in an old server answer: treated as complete. */
  amountComplete?: boolean;
  clauses: readonly ClauseResult[];
}

export type Verdict = 'eligible' | 'ineligible' | 'incomplete';

export function verdictOf(result: SummaryInput): Verdict {
  if (result.eligible) return 'eligible';
  return result.clauses.some((c) => c.result === 'fail') ? 'ineligible' : 'incomplete';
}

/** The verdict and the amount, in one line a resident can read at a glance. */
export function ResultSummary({
  result,
  live = false,
  testId,
}: {
  result: SummaryInput;
  live?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation('eligibility');
  const verdict = verdictOf(result);
  const counts = outcomeCounts(result.clauses);
  const amountKnown = verdict !== 'ineligible' && result.amountComplete !== false;
  const amount = formatFen(result.amountFen, moneyLocale(i18n.language));
  return (
    <div
      className={`hx-verdict is-${verdict}`}
      data-testid={testId}
      data-verdict={verdict}
      data-amount-fen={amountKnown ? result.amountFen : ''}
    >
      <p className="hx-verdict__title" {...(live ? { role: 'status', 'aria-live': 'polite' } : {})}>
        {verdict === 'eligible' ? (
          <CheckCircleFilled aria-hidden />
        ) : verdict === 'ineligible' ? (
          <CloseCircleFilled aria-hidden />
        ) : (
          <QuestionCircleFilled aria-hidden />
        )}
        <span>{t(`verdict.${verdict}`)}</span>
      </p>
      {amountKnown ? (
        <p className="hx-verdict__amount">
          <span className="hx-verdict__amount-label">
            {verdict === 'eligible' ? t('amount.label') : t('amount.ifRestPasses')}
          </span>
          <strong className="hx-amount">{amount}</strong>
        </p>
      ) : verdict === 'ineligible' ? (
        <p className="hx-verdict__hint">{t('amount.none')}</p>
      ) : (
        <p className="hx-verdict__hint">{t('amount.needsFacts')}</p>
      )}
      <p className="hx-verdict__counts">
        {t('counts', {
          pass: counts.pass,
          fail: counts.fail,
          unknown: counts.unknown,
          na: counts.not_applicable,
        })}
      </p>
    </div>
  );
}
