import { useMemo, useState, type ReactNode } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { formatFen, REVIEW_REASONS, type ProgramPause } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { EChart } from '@/components/ui/EChart';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { localized, moneyLocale } from '@/lib/i18n';
import {
  statsExportUrl,
  useStats,
  type PublicCount,
  type PublicProgramStats,
  type PublicStats,
} from '../api/get-stats';
import { budgetOption, weeklyOption } from '../lib/chart-options';

const STATUSES = [
  'submitted',
  'checking',
  'in_review',
  'returned',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
  'expired',
] as const;

/** A timestamp in Asia/Shanghai (the programs' zone), in the page's language. */
function useDateTime() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    return (iso: string) => format.format(new Date(iso));
  }, [i18n.language]);
}

/**
 * A chart with its table alternative: the table is what a screen reader reads (the chart is one
 * labelled image); a button shows it to everyone.
 */
function ChartWithTable({
  id,
  title,
  label,
  chart,
  table,
}: {
  id: string;
  title: string;
  label: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation('stats');
  const [shown, setShown] = useState(false);
  return (
    <section className="hx-panel hx-stats__chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <h2 id={`${id}-title`} className="hx-section__title">
        {title}
      </h2>
      {chart}
      <button
        type="button"
        className="hx-stats__table-toggle"
        aria-expanded={shown}
        aria-controls={`${id}-table`}
        onClick={() => setShown((value) => !value)}
      >
        {shown ? t('table.hide') : t('table.show')}
      </button>
      <div
        id={`${id}-table`}
        className={shown ? 'hx-stats__table' : 'hx-visually-hidden'}
        data-testid={`${id}-table`}
      >
        <p className="hx-visually-hidden">{label}</p>
        {table}
      </div>
    </section>
  );
}

function PauseNotice({ pause, title }: { pause: ProgramPause; title: string }) {
  const { t, i18n } = useTranslation('stats');
  const at = useDateTime();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('pause.title', { title, at: at(pause.pausesAt) })}
      description={
        <>
          <p>{localized(pause.notice, i18n.language)}</p>
          <p>{t('pause.grace', { days: pause.graceDays, until: at(pause.graceUntil) })}</p>
        </>
      }
    />
  );
}

export function StatsDashboard() {
  const stats = useStats();
  if (stats.isPending) return <LoadingState />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  return <StatsView stats={stats.data} />;
}

export function StatsView({ stats }: { stats: PublicStats }) {
  const { t, i18n } = useTranslation('stats');
  const lang = i18n.language;
  const locale = moneyLocale(lang);
  const at = useDateTime();
  const yuan = (fen: number) => formatFen(fen, locale);
  const count = (value: PublicCount) => (typeof value === 'number' ? value.toLocaleString(locale) : value);
  const titled = stats.programs.map((program) => ({ title: localized(program.title, lang), program }));
  const paused = titled.filter(({ program }) => program.pause);

  const budget = useMemo(
    () =>
      budgetOption(titled, {
        paid: t('budget.paid'),
        committed: t('budget.committed'),
        reserved: t('budget.reserved'),
        remaining: t('budget.remaining'),
        unit: t('unit.wanYuan'),
      }),
    // The labels follow the language; the figures follow the reading.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stats, lang],
  );
  const weekly = useMemo(
    () =>
      weeklyOption(stats.weekly, {
        submitted: t('weekly.submitted'),
        approved: t('weekly.approved'),
        paid: t('weekly.paid'),
        count: t('unit.claims'),
        unit: t('unit.wanYuan'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stats, lang],
  );
  const totalRemaining = stats.programs.reduce((sum, p) => sum + p.budget.remainingFen, 0);

  return (
    <div className="hx-stats">
      <p className="hx-stats__asof">
        {t('asOf')} <time dateTime={stats.asOf}>{at(stats.asOf)}</time>
      </p>
      <div className="hx-actions hx-stats__downloads">
        <a className="hx-link-button hx-link-button--default" href={statsExportUrl('csv')} download>
          <DownloadOutlined aria-hidden /> <span>{t('download.csv')}</span>
        </a>
        <a className="hx-link-button hx-link-button--default" href={statsExportUrl('xlsx')} download>
          <DownloadOutlined aria-hidden /> <span>{t('download.xlsx')}</span>
        </a>
      </div>

      {paused.length ? (
        <section aria-labelledby="pauses-title" className="hx-stats__pauses">
          <h2 id="pauses-title" className="hx-section__title">
            {t('pause.heading')}
          </h2>
          {paused.map(({ title, program }) => (
            <PauseNotice key={program.code} pause={program.pause!} title={title} />
          ))}
        </section>
      ) : null}

      <ChartWithTable
        id="budget"
        title={t('budget.title')}
        label={t('budget.chartLabel', { remaining: yuan(totalRemaining) })}
        chart={
          <EChart
            option={budget}
            label={t('budget.chartLabel', { remaining: yuan(totalRemaining) })}
            height={Math.max(240, 36 * titled.length + 60)}
          />
        }
        table={
          <table>
            <caption>{t('budget.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('program')}</th>
                <th scope="col">{t('budget.total')}</th>
                <th scope="col">{t('budget.reserved')}</th>
                <th scope="col">{t('budget.committed')}</th>
                <th scope="col">{t('budget.paid')}</th>
                <th scope="col">{t('budget.remaining')}</th>
              </tr>
            </thead>
            <tbody>
              {titled.map(({ title, program }) => (
                <tr key={program.code}>
                  <th scope="row">{title}</th>
                  <td>{yuan(program.budget.totalFen)}</td>
                  <td>{yuan(program.budget.reservedFen)}</td>
                  <td>{yuan(program.budget.committedFen)}</td>
                  <td>{yuan(program.budget.paidFen)}</td>
                  <td>{yuan(program.budget.remainingFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <ChartWithTable
        id="weekly"
        title={t('weekly.title')}
        label={t('weekly.chartLabel', { weeks: stats.weekly.length })}
        chart={<EChart option={weekly} label={t('weekly.chartLabel', { weeks: stats.weekly.length })} />}
        table={
          <table>
            <caption>{t('weekly.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('weekly.week')}</th>
                <th scope="col">{t('weekly.submitted')}</th>
                <th scope="col">{t('weekly.approved')}</th>
                <th scope="col">{t('weekly.paidYuan')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.weekly.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{week.week}</th>
                  <td>{count(week.submitted)}</td>
                  <td>{count(week.approved)}</td>
                  <td>{yuan(week.paidFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <section aria-labelledby="programs-title">
        <h2 id="programs-title" className="hx-section__title">
          {t('programs.title')}
        </h2>
        <ul className="hx-stats__programs" aria-label={t('programs.title')}>
          {titled.map(({ title, program }) => (
            <li key={program.code}>
              <ProgramStats title={title} program={program} yuan={yuan} count={count} at={at} />
            </li>
          ))}
        </ul>
      </section>

      <section className="hx-panel" aria-labelledby="reasons-title">
        <h2 id="reasons-title" className="hx-section__title">
          {t('reasons.title')}
        </h2>
        {stats.topReturnReasons.length ? (
          <table className="hx-stats__table">
            <thead>
              <tr>
                <th scope="col">{t('reasons.reason')}</th>
                <th scope="col">{t('reasons.count')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.topReturnReasons.map((reason) => {
                const known = REVIEW_REASONS.find((r) => r.code === reason.code);
                return (
                  <tr key={reason.code}>
                    <th scope="row">{known ? localized(known.title, lang) : reason.code}</th>
                    <td>{count(reason.count)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p>{t('reasons.none')}</p>
        )}
      </section>

      <p className="hx-note">{t('note')}</p>
    </div>
  );
}

function ProgramStats({
  title,
  program,
  yuan,
  count,
  at,
}: {
  title: string;
  program: PublicProgramStats;
  yuan: (fen: number) => string;
  count: (value: PublicCount) => string | number;
  at: (iso: string) => string;
}) {
  const { t, i18n } = useTranslation('stats');
  const days = (value: number | null) => (value === null ? t('notEnough') : t('days', { days: value }));
  const share = (value: number | null) =>
    value === null ? t('notEnough') : `${(Math.round(value * 1000) / 10).toLocaleString(i18n.language)}%`;
  return (
    <article
      className="hx-panel hx-stats__program"
      data-program={program.code}
      aria-labelledby={`p-${program.code}`}
    >
      <h3 id={`p-${program.code}`} className="hx-stats__program-title">
        {title}
      </h3>
      {program.pause ? (
        <p className="hx-stats__paused" data-testid="program-pause">
          {t('pause.short', { at: at(program.pause.pausesAt) })}
        </p>
      ) : null}
      <dl className="hx-stats__figures">
        <div>
          <dt>{t('budget.remaining')}</dt>
          <dd>{yuan(program.budget.remainingFen)}</dd>
        </div>
        <div>
          <dt>{t('budget.total')}</dt>
          <dd>{yuan(program.budget.totalFen)}</dd>
        </div>
        <div>
          <dt>{t('paid')}</dt>
          <dd>{yuan(program.paidFen)}</dd>
        </div>
        <div>
          <dt>{t('grossSales')}</dt>
          <dd>{yuan(program.grossSalesFen)}</dd>
        </div>
        <div>
          <dt>{t('median.submitToDecision')}</dt>
          <dd>{days(program.medianDays.submitToDecision)}</dd>
        </div>
        <div>
          <dt>{t('median.approvalToPayment')}</dt>
          <dd>{days(program.medianDays.approvalToPayment)}</dd>
        </div>
        <div>
          <dt>{t('slaHitRate')}</dt>
          <dd>{share(program.slaHitRate)}</dd>
        </div>
        {program.units.nevShare !== null || program.kind.startsWith('car') ? (
          <div>
            <dt>{t('nevShare')}</dt>
            <dd>{share(program.units.nevShare)}</dd>
          </div>
        ) : null}
      </dl>
      <table className="hx-stats__table hx-stats__claims">
        <caption>{t('claims.title')}</caption>
        <tbody>
          {STATUSES.map((status) => (
            <tr key={status}>
              <th scope="row">{t(`status.${status}`)}</th>
              <td data-status={status}>{count(program.claims[status])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {program.units.byCategory.length ? (
        <table className="hx-stats__table">
          <caption>{t('units.title')}</caption>
          <tbody>
            {program.units.byCategory.map((unit) => (
              <tr key={unit.category}>
                <th scope="row">{t(`category.${unit.category}`, { defaultValue: unit.category })}</th>
                <td>{count(unit.units)}</td>
              </tr>
            ))}
            {program.units.byGrade.map((unit) => (
              <tr key={`grade-${unit.grade}`}>
                <th scope="row">{t('units.grade', { grade: unit.grade })}</th>
                <td>{count(unit.units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {program.tranches.length ? (
        <div className="hx-stats__tranches">
          <h4>{t('tranches.title')}</h4>
          <ul>
            {program.tranches.map((tranche) => (
              <li key={tranche.documentNo}>
                <strong>{yuan(tranche.amountFen)}</strong> {t(`source.${tranche.source}`)} ·{' '}
                {t('tranches.from', { date: tranche.effectiveOn })}
                {tranche.inEffect ? '' : ` ${t('tranches.pending')}`} · {tranche.documentNo}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
