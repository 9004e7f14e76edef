import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { FactField } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';

export type WizardStep =
  | { kind: 'facts'; group: string; fields: FactField[] }
  | { kind: 'preview' }
  | { kind: 'documents' }
  | { kind: 'review' };

/**
 * The wizard's steps (one per fact group, then preview, documents, review) and the current one, kept in
 * `?step=` (an index, or a step name) so a reload or a link resumes there. Moving to another step puts the
 * focus on its heading (`headingRef`) and scrolls to the top.
 */
export function useWizardSteps(groups: ReadonlyArray<{ group: string; fields: FactField[] }>) {
  const [search, setSearch] = useSearchParams();
  const steps: WizardStep[] = useMemo(
    () => [
      ...groups.map((g) => ({ kind: 'facts' as const, ...g })),
      { kind: 'preview' },
      { kind: 'documents' },
      { kind: 'review' },
    ],
    [groups],
  );
  const stepParam = search.get('step') ?? '0';
  const named = steps.findIndex((s) => s.kind !== 'facts' && s.kind === stepParam);
  const stepIndex = named >= 0 ? named : Math.min(Math.max(Number(stepParam) || 0, 0), steps.length - 1);
  const step = steps[stepIndex] as WizardStep;

  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    window.scrollTo?.({ top: 0 });
  }, [stepIndex]);

  const goTo = (index: number) => {
    const next = new URLSearchParams(search);
    next.set('step', String(index));
    setSearch(next);
  };
  const indexOf = (kind: 'preview' | 'documents' | 'review') => steps.findIndex((s) => s.kind === kind);
  /** The facts step that asks for `path` (-1 if none). */
  const factStepOf = (path: string) =>
    steps.findIndex((s) => s.kind === 'facts' && s.fields.some((f) => f.path === path));

  return { steps, step, stepIndex, goTo, indexOf, factStepOf, headingRef };
}

/** A step's title: the fact group's name, or the step's own. */
export function useStepTitle(): (step: WizardStep) => string {
  const { t } = useTranslation(['applications', 'eligibility']);
  return (s) =>
    s.kind === 'facts'
      ? t(`eligibility:groups.${s.group}`, { defaultValue: s.group })
      : t(`applications:steps.${s.kind}`);
}
