import { CheckSquareOutlined, FileTextOutlined, FormOutlined, RightOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Alert, Tag } from 'antd';
import { Link } from 'react-router';
import { formatFen, maxAmountFen } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ProvenanceBadge } from '@/components/ui/provenance-badge';
import { localized, moneyLocale } from '@/lib/i18n';
import type { ProgramDetail } from '../api/get-program';
import { BudgetMeter } from './budget-meter';
import { ProgramStatusBadge } from './program-status-badge';
import { ProgramWindow } from './program-window';

/** The announced pause, from the moment it is announced (GET /api/programs carries it). */
function PauseNotice({ pause }: { pause: NonNullable<ProgramDetail['pause']> }) {
  const { t, i18n } = useTranslation('programs');
  const at = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  return (
    <Alert
      className="hx-pause-notice"
      data-testid="pause-notice"
      type="warning"
      showIcon
      role="status"
      title={t('pause.from', { at: at(pause.pausesAt) })}
      description={
        <>
          <p>{localized(pause.notice, i18n.language)}</p>
          <p>{t('pause.grace', { days: pause.graceDays, until: at(pause.graceUntil) })}</p>
        </>
      }
    />
  );
}

/** `children`: what the page adds below the head (a lottery program's round and registration). */
export function ProgramDetailView({ program, children }: { program: ProgramDetail; children?: ReactNode }) {
  const { t, i18n } = useTranslation('programs');
  const lang = i18n.language;
  const title = localized(program.title, lang);
  const definition = program.definition;
  const maxAmount = definition ? maxAmountFen(definition.amount) : undefined;
  return (
    <article className="hx-program-detail" aria-labelledby="program-title" data-program={program.code}>
      <header className="hx-detail-head">
        <div className="hx-program-card__top">
          <span className="hx-program-card__kind">
            {t(`kind.${program.kind}`, { defaultValue: program.kind })}
          </span>
          <ProgramStatusBadge status={program.status} />
        </div>
        <h1 id="program-title" className="hx-detail-head__title">
          {title}
        </h1>
        {definition?.summary ? (
          <p className="hx-detail-head__summary">{localized(definition.summary, lang)}</p>
        ) : null}
        <p className="hx-detail-head__meta">
          <ProgramWindow opensOn={program.opensOn} closesOn={program.closesOn} />
          <span>{t('version', { version: program.version })}</span>
        </p>
        {maxAmount !== undefined && Number.isFinite(maxAmount) ? (
          <p className="hx-detail-head__amount">
            {t('upTo', { amount: formatFen(maxAmount, moneyLocale(lang)) })}
            {definition ? (
              <>
                {' '}
                <span className="hx-citation">{definition.amountSource.citation}</span>{' '}
                <ProvenanceBadge provenance={definition.amountSource.provenance} />
              </>
            ) : null}
          </p>
        ) : null}
        {program.pause ? <PauseNotice pause={program.pause} /> : null}
        <div className="hx-actions">
          {program.status === 'open' ? (
            <Link
              className="hx-link-button hx-link-button--primary hx-link-button--large"
              to={`/programs/${program.code}/apply`}
            >
              <FormOutlined aria-hidden /> <span>{t('actions.apply')}</span> <RightOutlined aria-hidden />
            </Link>
          ) : null}
          <Link
            className={`hx-link-button hx-link-button--${program.status === 'open' ? 'default' : 'primary'} hx-link-button--large`}
            to={`/programs/${program.code}/check`}
          >
            <CheckSquareOutlined aria-hidden /> <span>{t('actions.startCheck')}</span>{' '}
            <RightOutlined aria-hidden />
          </Link>
        </div>
      </header>

      {children}

      <section className="hx-panel" aria-labelledby="budget-title">
        <h2 id="budget-title" className="hx-section__title">
          {t('budget.title')}
        </h2>
        <BudgetMeter budget={program.budget} />
        <p className="hx-note">{t('budget.note')}</p>
      </section>

      <section className="hx-panel" aria-labelledby="clauses-title">
        <h2 id="clauses-title" className="hx-section__title">
          {t('clauses.title')}
        </h2>
        <p className="hx-note">{t('clauses.legend')}</p>
        <ol className="hx-clauses">
          {program.clauses.map((clause) => (
            <li key={clause.id} className="hx-clauses__item" data-clause={clause.id}>
              <span className="hx-clauses__title">{localized(clause.title, lang)}</span>
              <span className="hx-clauses__source">
                <span className="hx-citation">
                  {t('clauses.citation')}
                  {clause.citation}
                </span>
                <ProvenanceBadge provenance={clause.provenance} />
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section className="hx-panel" aria-labelledby="documents-title">
        <h2 id="documents-title" className="hx-section__title">
          {t('documents.title')}
        </h2>
        {program.documents.length === 0 ? (
          <p className="hx-note">{t('documents.none')}</p>
        ) : (
          <ul className="hx-documents">
            {program.documents.map((doc) => (
              <li key={doc.kind}>
                <FileTextOutlined aria-hidden />
                <span className="hx-documents__title">{localized(doc.title, lang)}</span>
                <Tag color={doc.required ? 'red' : 'default'}>
                  {doc.required ? t('documents.required') : t('documents.optional')}
                </Tag>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
