import {
  AppstoreOutlined,
  CalculatorOutlined,
  FileProtectOutlined,
  SafetyCertificateOutlined,
  ThunderboltOutlined,
  WalletOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { PageTitle } from '@/components/ui/page-title';
import { SystemStatus } from '@/features/health/components/system-status';
import { ProgramList } from '@/features/programs/components/program-list';
import { Link } from 'react-router';

const steps = [
  { key: 'choose', icon: <AppstoreOutlined aria-hidden /> },
  { key: 'check', icon: <CalculatorOutlined aria-hidden /> },
  { key: 'apply', icon: <FileProtectOutlined aria-hidden /> },
  { key: 'review', icon: <WalletOutlined aria-hidden /> },
] as const;

export function HomePage() {
  const { t } = useTranslation(['home', 'common']);
  return (
    <div className="hx-page hx-home">
      <PageTitle />
      <section className="hx-hero" aria-labelledby="hero-title">
        <p className="hx-hero__kicker">{t('common:siteName')}</p>
        <h1 id="hero-title" className="hx-hero__title">
          {t('hero.title')}
        </h1>
        <p className="hx-hero__lead">{t('hero.lead')}</p>
        <ul className="hx-hero__points">
          <li>
            <SafetyCertificateOutlined aria-hidden />
            <span>{t('hero.points.check')}</span>
          </li>
          <li>
            <ThunderboltOutlined aria-hidden />
            <span>{t('hero.points.amount')}</span>
          </li>
          <li>
            <WalletOutlined aria-hidden />
            <span>{t('hero.points.budget')}</span>
          </li>
        </ul>
        <LinkButton to="/programs" size="large" icon={<RightOutlined aria-hidden />}>
          {t('hero.cta')}
        </LinkButton>
      </section>

      <section className="hx-section" aria-labelledby="programs-title">
        <div className="hx-section__head">
          <h2 id="programs-title" className="hx-section__title">
            {t('programs.title')}
          </h2>
          <Link to="/programs" className="hx-more">
            {t('programs.more')} <RightOutlined aria-hidden />
          </Link>
        </div>
        <ProgramList limit={4} headingLevel={3} onlyOpen />
      </section>

      <section className="hx-section" aria-labelledby="steps-title">
        <h2 id="steps-title" className="hx-section__title">
          {t('steps.title')}
        </h2>
        <ol className="hx-steps">
          {steps.map((step, index) => (
            <li key={step.key} className="hx-steps__item">
              <span className="hx-steps__icon">{step.icon}</span>
              <span className="hx-steps__text">
                <strong>
                  {index + 1}. {t(`steps.items.${step.key}.title`)}
                </strong>
                <span>{t(`steps.items.${step.key}.description`)}</span>
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section className="hx-section" aria-label={t('status.title')}>
        <SystemStatus />
      </section>
    </div>
  );
}
