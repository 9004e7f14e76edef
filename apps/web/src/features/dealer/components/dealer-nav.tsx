import type { OrganizationKind } from '@huanxin/shared';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

export const DEALER_BASE = '/console/dealer';

/** The dealer console's pages and which kinds of organisation each is for (none: every kind). */
export const DEALER_PAGES: ReadonlyArray<{ key: string; path: string; kinds?: readonly OrganizationKind[] }> =
  [
    { key: 'home', path: DEALER_BASE },
    // The counter: redeem a resident's voucher (scan or type its code), the phone-first screen.
    { key: 'redeem', path: `${DEALER_BASE}/redeem`, kinds: ['retailer'] },
    { key: 'newSale', path: `${DEALER_BASE}/sales/new`, kinds: ['retailer', 'car_dealer'] },
    { key: 'sales', path: `${DEALER_BASE}/sales`, kinds: ['retailer', 'car_dealer'] },
    { key: 'import', path: `${DEALER_BASE}/import`, kinds: ['retailer'] },
    { key: 'certificates', path: `${DEALER_BASE}/certificates`, kinds: ['dismantler'] },
    { key: 'receipts', path: `${DEALER_BASE}/receipts`, kinds: ['recycler'] },
    // What the organisation is owed (point-of-sale claims it is payee of) and what it owes back.
    { key: 'ledger', path: `${DEALER_BASE}/ledger` },
  ];

export const dealerPagesFor = (kinds: readonly OrganizationKind[]) =>
  DEALER_PAGES.filter((p) => !p.kinds || p.kinds.some((k) => kinds.includes(k)));

/** The organisation's pages as a row of tabs (scrolls sideways on a phone). */
export function DealerNav({ kinds }: { kinds: readonly OrganizationKind[] }) {
  const { t } = useTranslation('dealer');
  return (
    <nav className="hx-subnav" aria-label={t('nav.label')}>
      {dealerPagesFor(kinds).map((p) => (
        <NavLink
          key={p.key}
          to={p.path}
          end
          className={({ isActive }) => `hx-subnav__link${isActive ? ' is-active' : ''}`}
        >
          {t(`nav.${p.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}
