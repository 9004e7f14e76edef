import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ApplicationDetail } from '@huanxin/shared';
import { useCreateApplication, useUpdateApplication } from '../api/applications';
import { stableJson } from '../lib/stable-json';

/**
 * The wizard's draft: saves the answered, valid facts (a new draft the first time, then PATCH), remembers
 * when and what was saved, and after the first save continues at the draft's own address.
 */
export function useDraft({
  programCode,
  application,
  facts,
}: {
  programCode: string;
  application: ApplicationDetail | undefined;
  /** The facts the form holds now. */
  facts: Record<string, unknown>;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const applicationId = application?.id;
  const create = useCreateApplication();
  const update = useUpdateApplication();
  // A new draft continues at its own address (a new page): it says there that it was saved.
  const [savedAt, setSavedAt] = useState<Date | null>(() => {
    const at = (location.state as { savedAt?: unknown } | null)?.savedAt;
    return typeof at === 'number' ? new Date(at) : null;
  });
  /** The facts the server has (so submit can first save answers changed without "save and continue"). */
  const [savedFacts, setSavedFacts] = useState(() => stableJson(application?.facts));

  const save = async (): Promise<string | undefined> => {
    try {
      if (applicationId) {
        const updated = await update.mutateAsync({ id: applicationId, facts });
        setSavedAt(new Date());
        setSavedFacts(stableJson(updated.facts));
        return applicationId;
      }
      const created = await create.mutateAsync({ programCode, facts });
      setSavedAt(new Date());
      setSavedFacts(stableJson(created.facts));
      return created.id;
    } catch {
      return undefined;
    }
  };

  /** Saves, then shows step `index` (of the draft's own page after the first save). */
  const saveAndGo = async (index: number, goTo: (index: number) => void, currentIndex: number) => {
    const id = await save();
    if (!id) return;
    if (!applicationId) {
      // The draft exists now: continue at its own address (it resumes there, on any device).
      void navigate(`/applications/${id}/edit?step=${index}`, {
        replace: true,
        state: { savedAt: Date.now() },
      });
      return;
    }
    if (index !== currentIndex) goTo(index);
  };

  return {
    applicationId,
    save,
    saveAndGo,
    saving: create.isPending || update.isPending,
    saveError: update.error ?? create.error,
    savedAt,
    /** True when the form's facts differ from what the server has. */
    unsaved: stableJson(facts) !== savedFacts,
  };
}
