import { Tag } from 'antd';
import type { LotteryEntryStatus, MyLotteryEntry } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/ui/link-button';
import { formatShanghaiTime } from '../lib/time';

const STATUS_COLOR: Record<LotteryEntryStatus, string> = {
  entered: 'processing',
  won: 'success',
  lost: 'default',
  forfeited: 'warning',
};

/**
 * The resident's entries: the pseudonymous entry id (to look up on the public page), the round,
 * the category and, after the draw, the result in words — won (the voucher is on the vouchers
 * page), not drawn (the money set aside is released), or forfeited.
 */
export function MyEntries({
  entries,
  categoryLabel,
  programTitle,
  showVouchersLink = true,
}: {
  entries: readonly MyLotteryEntry[];
  categoryLabel: (entry: MyLotteryEntry) => string;
  programTitle?: (entry: MyLotteryEntry) => string;
  showVouchersLink?: boolean;
}) {
  const { t, i18n } = useTranslation('lottery');
  if (entries.length === 0) return <p className="hx-note">{t('mine.empty')}</p>;
  return (
    <>
      <ul className="hx-lottery-entries" aria-label={t('mine.title')}>
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="hx-lottery-entry"
            data-testid="lottery-entry"
            data-status={entry.status}
            data-entry-id={entry.id}
          >
            <div className="hx-lottery-entry__top">
              <span className="hx-lottery-entry__title">{categoryLabel(entry)}</span>
              <Tag color={STATUS_COLOR[entry.status]}>{t(`status.${entry.status}`)}</Tag>
            </div>
            <span className="hx-lottery-entry__meta">
              {programTitle ? `${programTitle(entry)} · ` : ''}
              {t('mine.roundOf', { round: entry.round })}
            </span>
            <span className="hx-lottery-entry__id">
              {t('mine.entryId')}: <code className="hx-hash">{entry.id}</code>
            </span>
            <p className="hx-lottery-entry__result" data-testid="lottery-entry-result">
              {entry.status === 'entered'
                ? t('mine.waiting', { at: formatShanghaiTime(entry.drawAt, i18n.language) })
                : t(`mine.${entry.status}`)}
            </p>
            {entry.status === 'won' && showVouchersLink ? (
              <LinkButton to="/vouchers" variant="default">
                {t('mine.toVouchers')}
              </LinkButton>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="hx-note">{t('mine.entryIdNote')}</p>
    </>
  );
}
