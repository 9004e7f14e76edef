import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title for the current page and language. */
export function PageTitle({ title }: { title?: string }) {
  const { t } = useTranslation();
  const site = t('siteName');
  const full = title ? `${title} - ${site}` : site;
  useEffect(() => {
    document.title = full;
  }, [full]);
  return null;
}
