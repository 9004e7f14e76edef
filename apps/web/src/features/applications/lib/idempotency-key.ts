/**
 * One Idempotency-Key per submission attempt, kept in component state AND in sessionStorage under the
 * application id, so a retry after a lost connection (even after a reload) sends the same key and the server
 * answers with the first result instead of submitting twice. The key is a random UUID: not personal data.
 */
const storageKey = (applicationId: string) => `huanxin.submit.${applicationId}`;

/* eslint-disable no-restricted-globals -- a random idempotency key, not personal data (see above). */
function storage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

export function storedSubmitKey(applicationId: string): string | null {
  return storage()?.getItem(storageKey(applicationId)) ?? null;
}

/** The key of the attempt in progress, or a new one (stored before the request goes out). */
export function submitKeyFor(applicationId: string, current: string | null): string {
  const key = current ?? storedSubmitKey(applicationId) ?? crypto.randomUUID();
  storage()?.setItem(storageKey(applicationId), key);
  return key;
}

/** The attempt got a definite answer: the next attempt (e.g. after fixing a document) is a new one. */
export function forgetSubmitKey(applicationId: string): void {
  storage()?.removeItem(storageKey(applicationId));
}
/* eslint-enable no-restricted-globals */
