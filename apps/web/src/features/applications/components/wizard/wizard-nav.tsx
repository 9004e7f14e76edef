import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Back (not on the first step) and next (unless `onNext` is left out). */
export function WizardNav({
  onBack,
  onNext,
  children,
}: {
  onBack?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
  /** More buttons, after back. */
  children?: ReactNode;
}) {
  const { t } = useTranslation('applications');
  return (
    <div className="hx-wizard__nav">
      {onBack ? (
        <Button size="large" icon={<ArrowLeftOutlined aria-hidden />} onClick={onBack}>
          {t('nav.back')}
        </Button>
      ) : null}
      {children}
      {onNext ? (
        <Button
          type="primary"
          size="large"
          onClick={onNext}
          icon={<ArrowRightOutlined aria-hidden />}
          iconPlacement="end"
        >
          {t('nav.next')}
        </Button>
      ) : null}
    </div>
  );
}
