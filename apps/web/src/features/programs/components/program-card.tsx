import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { localized } from '@/lib/i18n';
import type { ProgramSummary } from '../api/get-programs';
import { BudgetMeter } from './budget-meter';
import { ProgramStatusBadge } from './program-status-badge';
import { ProgramWindow } from './program-window';

export function ProgramCard({
  program,
  headingLevel = 2,
}: {
  program: ProgramSummary;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation('programs');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = localized(program.title, i18n.language);
  return (
    <article
      className={`hx-program-card is-${program.status}`}
      aria-labelledby={`program-${program.code}`}
      data-program={program.code}
    >
      <div className="hx-program-card__top">
        <span className="hx-program-card__kind">
          {t(`kind.${program.kind}`, { defaultValue: program.kind })}
        </span>
        <ProgramStatusBadge status={program.status} />
      </div>
      <Heading className="hx-program-card__title" id={`program-${program.code}`}>
        <Link to={`/programs/${program.code}`}>{title}</Link>
      </Heading>
      <ProgramWindow opensOn={program.opensOn} closesOn={program.closesOn} />
      <BudgetMeter budget={program.budget} compact />
      <div className="hx-program-card__actions">
        <Link
          className="hx-link-button hx-link-button--default"
          to={`/programs/${program.code}`}
          aria-label={t('actions.detailsOf', { title })}
        >
          {t('actions.details')}
        </Link>
        {program.status === 'open' ? (
          <Link
            className="hx-link-button hx-link-button--primary"
            to={`/programs/${program.code}/check`}
            aria-label={t('actions.checkOf', { title })}
          >
            {t('actions.check')} <RightOutlined aria-hidden />
          </Link>
        ) : null}
      </div>
    </article>
  );
}
