import {
  CheckCircleFilled,
  CloseCircleFilled,
  MinusCircleFilled,
  QuestionCircleFilled,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ClauseOutcome, ClauseResult } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ProvenanceBadge } from '@/components/ui/provenance-badge';

const ICONS: Record<ClauseOutcome, ReactNode> = {
  pass: <CheckCircleFilled aria-hidden />,
  fail: <CloseCircleFilled aria-hidden />,
  unknown: <QuestionCircleFilled aria-hidden />,
  not_applicable: <MinusCircleFilled aria-hidden />,
};

export interface ClauseResultsProps {
  clauses: readonly ClauseResult[];
  /** Clause id → title in the current language. */
  titleOf: (id: string) => string;
  /** Fact path → label in the current language. */
  factLabel: (path: string) => string;
}

/** Translate a clause's reason code; failed clauses fall back to naming the facts they read. */
export function useClauseReason(factLabel: (path: string) => string) {
  const { t, i18n } = useTranslation('eligibility');
  const list = (paths: readonly string[] | undefined) =>
    (paths ?? [])
      .map(factLabel)
      .filter(Boolean)
      .join(i18n.language === 'en' ? ', ' : '、');
  return (clause: ClauseResult): string => {
    const facts = list(clause.facts);
    if (clause.result === 'fail') {
      if (!i18n.exists(`eligibility:reason.${clause.reason}`))
        return t(facts ? 'reason.FAILED_WITH_FACTS' : 'reason.FAILED', { facts });
      return facts
        ? `${t(`reason.${clause.reason}`)} ${t('reason.check', { facts })}`
        : t(`reason.${clause.reason}`);
    }
    if (clause.reason === 'MISSING_FACTS')
      return t('reason.MISSING_FACTS', { facts: facts || t('reason.someFacts') });
    return t([`reason.${clause.reason}`, 'reason.UNKNOWN_REASON'], { facts });
  };
}

export function ClauseResults({ clauses, titleOf, factLabel }: ClauseResultsProps) {
  const { t } = useTranslation('eligibility');
  const reasonOf = useClauseReason(factLabel);
  return (
    <ol className="hx-results">
      {clauses.map((clause) => (
        <li
          key={clause.id}
          className={`hx-results__item is-${clause.result}`}
          data-clause={clause.id}
          data-result={clause.result}
        >
          <span className="hx-results__icon">{ICONS[clause.result]}</span>
          <div className="hx-results__body">
            <div className="hx-results__head">
              <span className="hx-results__title">{titleOf(clause.id)}</span>
              <span className="hx-results__outcome">{t(`outcome.${clause.result}`)}</span>
            </div>
            <p className="hx-results__reason">{reasonOf(clause)}</p>
            <p className="hx-results__source">
              <span className="hx-citation">{clause.citation}</span>
              <ProvenanceBadge provenance={clause.provenance} />
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function outcomeCounts(clauses: readonly ClauseResult[]): Record<ClauseOutcome, number> {
  const counts: Record<ClauseOutcome, number> = { pass: 0, fail: 0, unknown: 0, not_applicable: 0 };
  for (const c of clauses) counts[c.result] += 1;
  return counts;
}
