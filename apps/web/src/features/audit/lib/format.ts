import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A timestamp to the second in Asia/Shanghai, in the page's language (the log is evidence: seconds count). */
export function useAuditTime() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    return (iso: string) => format.format(new Date(iso));
  }, [i18n.language]);
}

/** The first and last characters of a long hash or id, for a table cell (the drawer shows it whole). */
export const shortHash = (hex: string, keep = 8): string =>
  hex.length > keep * 2 + 1 ? `${hex.slice(0, keep)}…${hex.slice(-keep)}` : hex;
