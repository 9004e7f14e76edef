import { useCallback, useRef, useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useSubmitApplication } from '../api/applications';
import { forgetSubmitKey, storedSubmitKey, submitKeyFor } from '../lib/idempotency-key';

/**
 * Submit with an Idempotency-Key that survives a double tap and a lost connection: one key per attempt, in
 * state and in sessionStorage; a retry after a network failure (no answer) or a server error sends the same
 * key; a definite answer (success, or a refusal the resident must act on) ends the attempt.
 */
export function useSubmitWithKey(applicationId: string | undefined) {
  const mutation = useSubmitApplication();
  const [key, setKey] = useState<string | null>(() =>
    applicationId ? storedSubmitKey(applicationId) : null,
  );
  const inFlight = useRef(false);

  const submit = useCallback(async () => {
    if (!applicationId || inFlight.current) return undefined;
    inFlight.current = true;
    const attemptKey = submitKeyFor(applicationId, key);
    setKey(attemptKey);
    try {
      const result = await mutation.mutateAsync({ id: applicationId, key: attemptKey });
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
      inFlight.current = false;
    }
  }, [applicationId, key, mutation]);

  return {
    submit,
    key,
    pending: mutation.isPending,
    error: mutation.error,
    data: mutation.data,
    reset: mutation.reset,
  };
}
