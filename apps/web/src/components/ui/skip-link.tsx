import { useTranslation } from 'react-i18next';

export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation();
  return (
    <a className="hx-skip" href={`#${target}`}>
      {t('skipToContent')}
    </a>
  );
}
