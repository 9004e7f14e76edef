import { Progress } from 'antd';
import { formatFen } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { moneyLocale } from '@/lib/i18n';
import type { BudgetFigures } from '../api/get-programs';

/**
 * Budget meter: the share already reserved, committed or paid, and what is left. Reserved (held for submitted
 * claims and vouchers) is shown apart from committed and paid, so residents see how fast the budget goes.
 */
export function BudgetMeter({ budget, compact = false }: { budget: BudgetFigures; compact?: boolean }) {
  const { t, i18n } = useTranslation('programs');
  const locale = moneyLocale(i18n.language);
  const total = budget.totalFen;
  const used = Math.max(0, total - budget.remainingFen);
  const settled = budget.committedFen + budget.paidFen;
  const pct = (part: number) => (total > 0 ? Math.min(100, Math.round((part / total) * 1000) / 10) : 0);
  const usedPct = pct(used);
  const text = t('budget.valueText', {
    used: usedPct,
    remaining: formatFen(budget.remainingFen, locale),
    total: formatFen(total, locale),
  });
  return (
    <div className={`hx-budget${compact ? ' hx-budget--compact' : ''}`}>
      <div className="hx-budget__head">
        <span className="hx-budget__label">{t('budget.remaining')}</span>
        <strong className="hx-budget__remaining">{formatFen(budget.remainingFen, locale)}</strong>
      </div>
      <Progress
        percent={usedPct}
        success={{ percent: pct(settled) }}
        showInfo={false}
        strokeColor="#c9a45c"
        aria-label={t('budget.label')}
        aria-valuetext={text}
        size="small"
      />
      <dl className="hx-budget__figures">
        <div>
          <dt>{t('budget.reserved')}</dt>
          <dd>{formatFen(budget.reservedFen, locale)}</dd>
        </div>
        {!compact ? (
          <div>
            <dt>{t('budget.settled')}</dt>
            <dd>{formatFen(settled, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('budget.total')}</dt>
          <dd>{formatFen(total, locale)}</dd>
        </div>
      </dl>
    </div>
  );
}
