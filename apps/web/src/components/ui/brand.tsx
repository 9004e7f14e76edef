import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The portal's mark and name. The mark is our own (not a state emblem). */
export function Brand({ to = '/', subtitle }: { to?: string; subtitle?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="hx-brand">
      <svg className="hx-brand__mark" viewBox="0 0 40 40" aria-hidden focusable="false">
        <circle cx="20" cy="20" r="18.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="20" cy="20" r="14.5" fill="none" stroke="currentColor" strokeWidth="1" opacity="0.7" />
        <text x="20" y="26.5" textAnchor="middle" fontSize="17" fontWeight="700" fill="currentColor">
          新
        </text>
      </svg>
      <span className="hx-brand__text">
        <span className="hx-brand__name">{t('siteName')}</span>
        <span className="hx-brand__sub">{subtitle ?? t('siteTagline')}</span>
      </span>
    </Link>
  );
}
