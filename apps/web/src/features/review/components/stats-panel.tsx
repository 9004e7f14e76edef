import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatFen, SLA_STATES } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { moneyLocale } from '@/lib/i18n';
import { reviewExportUrl, useReviewStats, type ProgramReviewStats } from '../api/stats';

/**
 * The SLA states of a program's open cases as one stacked bar (a drawn bar, no chart library: three
 * segments read better as a bar than as a row of numbers), with the numbers in words beside it.
 */
function SlaBar({ sla }: { sla: ProgramReviewStats['sla'] }) {
  const { t } = useTranslation('review');
  const total = SLA_STATES.reduce((sum, s) => sum + sla[s], 0);
  return (
    <figure className="hx-slabar" aria-label={t('stats.slaLabel')}>
      <div className="hx-slabar__bar" aria-hidden>
        {total > 0
          ? SLA_STATES.map((s) =>
              sla[s] > 0 ? (
                <span key={s} className={`hx-slabar__seg is-${s}`} style={{ flexGrow: sla[s] }} />
              ) : null,
            )
          : null}
      </div>
      <figcaption className="hx-slabar__legend">
        {SLA_STATES.map((s) => (
          <span key={s} className={`hx-slabar__key is-${s}`} data-sla={s}>
            {t(`sla.${s}`)} {sla[s]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function ProgramStats({ stats, title }: { stats: ProgramReviewStats; title: string }) {
  const { t, i18n } = useTranslation(['review', 'applications']);
  const money = (fen: number) => formatFen(fen, moneyLocale(i18n.language));
  const statuses = Object.entries(stats.byStatus).filter(([, n]) => n > 0);
  return (
    <li className="hx-panel hx-stats__program" data-program={stats.programCode}>
      <h3 className="hx-stats__title">{title}</h3>
      <SlaBar sla={stats.sla} />
      <table className="hx-stats__table">
        <caption className="hx-visually-hidden">{t('stats.countsOf', { title })}</caption>
        <tbody>
          {Object.entries(stats.byStage).map(([stage, n]) => (
            <tr key={`stage-${stage}`}>
              <th scope="row">{t(`stage.${stage}`, { defaultValue: stage })}</th>
              <td>{n}</td>
            </tr>
          ))}
          {statuses.map(([status, n]) => (
            <tr key={`status-${status}`}>
              <th scope="row">{t(`applications:status.${status}`, { defaultValue: status })}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {stats.budget ? (
        <p className="hx-note">
          {t('stats.budget', {
            reserved: money(stats.budget.reservedFen),
            committed: money(stats.budget.committedFen),
            total: money(stats.budget.totalFen),
          })}
        </p>
      ) : null}
      <Button
        size="small"
        href={reviewExportUrl({ program: stats.programCode })}
        icon={<DownloadOutlined aria-hidden />}
        data-testid="export"
      >
        {t('stats.export')}
      </Button>
    </li>
  );
}

/** The console home's review figures per program for reviewers and approvers, and the export. */
export function ReviewStatsPanel({ programTitle }: { programTitle: (code: string) => string }) {
  const { t } = useTranslation('review');
  const stats = useReviewStats();
  return (
    <section className="hx-stats" aria-labelledby="stats-title">
      <h2 id="stats-title" className="hx-section__title">
        {t('stats.title')}
      </h2>
      {stats.isPending ? <LoadingState /> : null}
      {stats.isError ? <ErrorState error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {stats.data && stats.data.length === 0 ? <p className="hx-note">{t('stats.empty')}</p> : null}
      {stats.data && stats.data.length > 0 ? (
        <ul className="hx-stats__list">
          {/* Programs with claims first (most first); the catalogue's order among the rest. */}
          {[...stats.data]
            .map((s, i) => ({ s, i, n: Object.values(s.byStatus).reduce((a, b) => a + b, 0) }))
            .sort((a, b) => b.n - a.n || a.i - b.i)
            .map(({ s }) => (
              <ProgramStats key={s.programCode} stats={s} title={programTitle(s.programCode)} />
            ))}
        </ul>
      ) : null}
      <Button href={reviewExportUrl({})} icon={<DownloadOutlined aria-hidden />} data-testid="export-all">
        {t('stats.exportAll')}
      </Button>
    </section>
  );
}
