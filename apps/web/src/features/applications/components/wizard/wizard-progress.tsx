import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useStepTitle, type WizardStep } from '../../hooks/use-wizard-steps';

/** The numbered step list, "step n of m", and the current step's heading (focused on each move). */
export function WizardProgress({
  steps,
  stepIndex,
  headingRef,
}: {
  steps: WizardStep[];
  stepIndex: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation('applications');
  const stepTitle = useStepTitle();
  return (
    <>
      <ol className="hx-wsteps" aria-label={t('steps.label')}>
        {steps.map((s, index) => (
          <li
            key={s.kind === 'facts' ? s.group : s.kind}
            className={index === stepIndex ? 'is-current' : index < stepIndex ? 'is-done' : undefined}
            {...(index === stepIndex ? { 'aria-current': 'step' as const } : {})}
          >
            <span className="hx-wsteps__num" aria-hidden>
              {index + 1}
            </span>
            <span className="hx-wsteps__title">{stepTitle(s)}</span>
          </li>
        ))}
      </ol>
      <p className="hx-wsteps__count">{t('steps.count', { current: stepIndex + 1, total: steps.length })}</p>
      <h2
        className="hx-section__title hx-focus-target"
        tabIndex={-1}
        ref={headingRef}
        data-testid="step-title"
      >
        {stepTitle(steps[stepIndex] as WizardStep)}
      </h2>
    </>
  );
}
