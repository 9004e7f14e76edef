import { useCallback, useRef, useState } from 'react';
import { isApiError, type BusyWait } from '@/lib/api-client';
import { useSubmitApplication } from '../api/applications';
import { forgetSubmitKey, storedSubmitKey, submitKeyFor } from '../lib/idempotency-key';

/**
 * Submit with an Idempotency-Key that survives a double tap and a lost connection: one key per attempt, in
 * state and in sessionStorage; a retry after a network failure (no answer) or a server error sends the same
 * key; a definite answer (success, or a refusal the resident must act on) ends the attempt. When the portal
 * is busy (503/429) the same key is sent again after Retry-After, a few times, and `busy` says so meanwhile.
 */
export function useSubmitWithKey(applicationId: string | undefined) {
  const mutation = useSubmitApplication();
  const [key, setKey] = useState<string | null>(() =>
    applicationId ? storedSubmitKey(applicationId) : null,
  );
  const [busy, setBusy] = useState<BusyWait | null>(null);
  const inFlight = useRef(false);

  const submit = useCallback(async () => {
    if (!applicationId || inFlight.current) return undefined;
    inFlight.current = true;
    const attemptKey = submitKeyFor(applicationId, key);
    setKey(attemptKey);
    try {
      const result = await mutation.mutateAsync({ id: applicationId, key: attemptKey, onBusy: setBusy });
      forgetSubmitKey(applicationId);
      setKey(null);
      return result;
    } catch (error) {
      const definite = isApiError(error) && error.status >= 400 && error.status < 500;
      if (definite) {
        forgetSubmitKey(applicationId);
        setKey(null);
      }
      return undefined;
    } finally {
      setBusy(null);
      inFlight.current = false;
    }
  }, [applicationId, key, mutation]);

  return {
    submit,
    key,
    /** Set while a busy portal's answer is being waited out (the next attempt and its delay). */
    busy,
    pending: mutation.isPending,
    error: mutation.error,
    data: mutation.data,
    reset: mutation.reset,
  };
}
