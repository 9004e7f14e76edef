import { useCallback, useEffect, useRef, useState } from 'react';
import { claimCase, releaseCase, releaseCaseOnUnload } from '../api/lease';
import { isLostLease } from '../lib/review-error';

export type LeaseState =
  | { phase: 'taking' }
  | { phase: 'held'; leaseUntil: string }
  /** Someone else holds it, or ours ran out: the page says so and offers to take it again. */
  | { phase: 'lost'; error: unknown }
  | { phase: 'failed'; error: unknown };

/** Renew well inside the 30-minute lease. */
export const LEASE_RENEW_MS = 10 * 60_000;

/**
 * The case's lease while the page is open: taken on open, renewed every `renewMs`, released on leave
 * (and on unload, with a keepalive request). `markLost` is for a decision refused with CASE_NOT_HELD;
 * `forget` after a decision (the server has ended the lease, nothing to release).
 *
 * React's StrictMode runs the effect twice in development; the release is deferred a tick and cancelled
 * when the same case mounts again, so the double run neither releases nor takes twice.
 */
export function useCaseLease(id: string, renewMs = LEASE_RENEW_MS) {
  const [state, setState] = useState<LeaseState>({ phase: 'taking' });
  const pendingRelease = useRef<{ id: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const held = useRef(false);

  const take = useCallback(async () => {
    try {
      const lease = await claimCase(id);
      held.current = true;
      setState({ phase: 'held', leaseUntil: lease.leaseUntil });
    } catch (error) {
      held.current = false;
      setState(isLostLease(error) ? { phase: 'lost', error } : { phase: 'failed', error });
    }
  }, [id]);

  useEffect(() => {
    const pending = pendingRelease.current;
    if (pending && pending.id === id) {
      clearTimeout(pending.timer);
      pendingRelease.current = null;
    } else {
      setState({ phase: 'taking' });
      void take();
    }
    const renew = setInterval(() => {
      if (held.current) void take();
    }, renewMs);
    const onUnload = () => {
      if (held.current) releaseCaseOnUnload(id);
    };
    window.addEventListener('pagehide', onUnload);
    return () => {
      clearInterval(renew);
      window.removeEventListener('pagehide', onUnload);
      pendingRelease.current = {
        id,
        timer: setTimeout(() => {
          pendingRelease.current = null;
          if (!held.current) return;
          held.current = false;
          void releaseCase(id).catch(() => undefined);
        }, 0),
      };
    };
  }, [id, renewMs, take]);

  const markLost = useCallback((error: unknown) => {
    held.current = false;
    setState({ phase: 'lost', error });
  }, []);
  const forget = useCallback(() => {
    held.current = false;
  }, []);
  const retake = useCallback(() => {
    setState({ phase: 'taking' });
    void take();
  }, [take]);

  return { state, retake, markLost, forget };
}
