import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WizardNav } from './wizard-nav';

/** The instant preview with the shared engine (`children`: the result), before the documents. */
export function PreviewStep({
  onBack,
  onNext,
  children,
}: {
  onBack: () => void;
  onNext: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('applications');
  return (
    <section aria-live="polite">
      <p className="hx-note">{t('preview.intro')}</p>
      {children}
      <p className="hx-note">{t('preview.history')}</p>
      <WizardNav onBack={onBack} onNext={onNext} />
    </section>
  );
}
