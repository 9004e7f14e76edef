import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function ProgramWindow({ opensOn, closesOn }: { opensOn: string; closesOn: string }) {
  const { t } = useTranslation('programs');
  return (
    <span className="hx-window">
      <CalendarOutlined aria-hidden /> {t('window', { opensOn, closesOn })}
    </span>
  );
}
