import { useTranslation } from 'react-i18next';

/** "Draft saved at 10:42", once the draft has been saved. */
export function DraftSavedNote({ savedAt }: { savedAt: Date | null }) {
  const { t, i18n } = useTranslation('applications');
  if (!savedAt) return null;
  return (
    <p className="hx-note" role="status" data-testid="draft-saved">
      {t('draft.saved', {
        time: savedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
          hour: '2-digit',
          minute: '2-digit',
        }),
      })}
    </p>
  );
}
