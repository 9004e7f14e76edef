/**
 * The publish step of a draft: what it will carry (effective date, document number, note — set when the
 * draft was saved), whether it re-prices the claims not yet paid (retroactive) and what that moves in the
 * budget (the what-if's cost difference), and the server's refusals in words: the author cannot publish
 * their own draft (a second administrator must), a stale draft, a version already published, a budget
 * that cannot cover a retroactive raise.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions } from 'antd';
import { formatFen } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/error-message';
import { moneyLocale } from '@/lib/i18n';
import { actorName, shortfallOf, usePublish, type VersionSummary, type WhatIfResult } from '../api/versions';

export function PublishStep({
  code,
  draft,
  whatIf,
  onPublished,
}: {
  code: string;
  draft: VersionSummary;
  /** The last what-if of this draft, for the budget effect (null: not run yet). */
  whatIf: WhatIfResult | null;
  onPublished?: () => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const money = (fen: number) => formatFen(fen, moneyLocale(i18n.language));
  const publish = usePublish(code, draft.version);
  const [retroactive, setRetroactive] = useState(false);
  const [done, setDone] = useState(false);

  const refusal = (error: unknown): { title: string; body?: string } => {
    if (!isApiError(error)) return { title: errorMessage(t, error) };
    switch (error.code) {
      case 'SELF_PUBLISH':
        return { title: t('publish.selfPublish.title'), body: t('publish.selfPublish.body') };
      case 'STALE_DRAFT':
        return { title: t('publish.stale.title'), body: t('publish.stale.body') };
      case 'ALREADY_PUBLISHED':
        return { title: t('publish.already') };
      case 'BUDGET_SHORTFALL': {
        const shortfall = shortfallOf(error);
        return {
          title: t('publish.shortfall.title'),
          body:
            shortfall !== null
              ? t('publish.shortfall.amount', { amount: money(shortfall) })
              : t('publish.shortfall.body'),
        };
      }
      default:
        if (error.fields.retroactive) return { title: t('publish.notInEffect') };
        return { title: errorMessage(t, error) };
    }
  };

  if (draft.status === 'published' || done)
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        data-testid="publish-done"
        title={t('publish.published', { version: draft.version })}
      />
    );

  const failure = publish.error ? refusal(publish.error) : null;
  return (
    <section aria-labelledby="publish-heading" className="hx-publish-step">
      <h2 id="publish-heading">{t('publish.title')}</h2>
      <p className="hx-note">{t('publish.intro')}</p>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'effectiveOn', label: t('versions.effectiveOn'), children: draft.effectiveOn },
          { key: 'documentNo', label: t('versions.documentNo'), children: draft.documentNo ?? '' },
          { key: 'note', label: t('versions.note'), children: draft.note ?? '' },
          { key: 'author', label: t('versions.author'), children: actorName(draft.createdBy) },
        ]}
      />
      <Checkbox
        checked={retroactive}
        onChange={(e) => setRetroactive(e.target.checked)}
        data-testid="publish-retroactive"
        className="hx-publish-step__retroactive"
      >
        {t('publish.retroactive')}
      </Checkbox>
      <p className="hx-field__help" id="publish-effect" data-testid="publish-effect" aria-live="polite">
        {!retroactive
          ? t('publish.effect.none')
          : whatIf === null
            ? t('publish.effect.runWhatIf')
            : whatIf.deltaFen >= 0
              ? t('publish.effect.more', { amount: money(whatIf.deltaFen), count: whatIf.changed.length })
              : t('publish.effect.less', { amount: money(-whatIf.deltaFen), count: whatIf.changed.length })}
      </p>
      {failure ? (
        <Alert
          type={isApiError(publish.error) && publish.error.code === 'SELF_PUBLISH' ? 'warning' : 'error'}
          showIcon
          role="alert"
          data-testid="publish-error"
          title={failure.title}
          {...(failure.body ? { description: failure.body } : {})}
        />
      ) : null}
      <Button
        type="primary"
        data-testid="publish-submit"
        aria-describedby="publish-effect"
        disabled={publish.isPending}
        aria-busy={publish.isPending || undefined}
        onClick={() =>
          publish.mutate(
            { retroactive },
            {
              onSuccess: () => {
                setDone(true);
                onPublished?.();
              },
            },
          )
        }
      >
        {retroactive ? t('publish.submitRetroactive') : t('publish.submit')}
      </Button>
    </section>
  );
}
