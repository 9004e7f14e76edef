import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** One button that toggles zh-CN ⇄ English. The target language's name is shown in that language. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      className={className}
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      aria-label={t('language.switchLabel')}
      title={t('language.switchLabel')}
      lang={next}
      onClick={() => void i18n.changeLanguage(next)}
      data-testid="language-switch"
    >
      {t('language.switchTo')}
    </Button>
  );
}
