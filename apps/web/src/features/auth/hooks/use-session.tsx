import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { can as roleCan, type Permission, type PublicUser } from '@huanxin/shared';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '@/lib/api-client';
import { clearSessionCache, meQueryKey, useMe } from '../api/get-me';
import { useLogout } from '../api/logout';
import { areaForRole, signInPath } from '../lib/sign-in-paths';

export interface Session {
  status: 'loading' | 'signed-in' | 'signed-out' | 'error';
  user: PublicUser | null;
  /** Why `/api/auth/me` could not be read (status `error`). */
  error: unknown;
  retry: () => void;
  /** The server ended the session (401 while signed in): guards add `reason=expired` to the sign-in link. */
  ended: boolean;
  /** The shared role → permission map: the API enforces the same one. */
  can: (permission: Permission) => boolean;
  signOut: () => Promise<void>;
  signingOut: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** A full page load, replacing this history entry (the signed-in page is not kept for "back"). */
function leavePage(path: string): void {
  window.location.replace(path);
}

/** The API's answer when a session is missing or ended (not a wrong password or code: those have their own codes). */
function isSessionEnded(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED';
}

/**
 * The signed-in user for the whole app, and the one place that reacts to a session the server ended:
 * any 401 UNAUTHENTICATED while signed in clears the cached user and everything personal, then goes to the
 * right sign-in page with `?next=<where the user was>&reason=expired`.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const logout = useLogout();
  const [ended, setEnded] = useState(false);

  const here = useRef('');
  useEffect(() => {
    here.current = `${location.pathname}${location.search}`;
  }, [location.pathname, location.search]);

  useEffect(() => {
    const onError = (error: unknown) => {
      if (!isSessionEnded(error)) return;
      const user = queryClient.getQueryData<PublicUser | null>(meQueryKey);
      if (!user) return;
      // Same render: the guard of the page sees "ended" together with "nobody signed in".
      setEnded(true);
      clearSessionCache(queryClient);
      void navigate(signInPath(areaForRole(user.role), here.current, 'expired'), { replace: true });
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const { error } = event.action;
      queueMicrotask(() => onError(error));
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event?.type !== 'updated' || event.action.type !== 'error') return;
      const { error } = event.action;
      queueMicrotask(() => onError(error));
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, navigate]);

  const { mutateAsync: logoutAsync, isPending: signingOut } = logout;
  const user = me.data ?? null;
  const endedNow = ended && !user;

  /**
   * Sign-out ends the session on the server, then loads the next page afresh: nothing of the user (cached
   * answers, form state) stays in the page's memory.
   */
  const signOut = useCallback(async () => {
    const area = user ? areaForRole(user.role) : 'resident';
    await logoutAsync();
    leavePage(area === 'console' ? '/console/login' : '/');
  }, [logoutAsync, user]);

  const { refetch } = me;
  const status: Session['status'] = me.isPending
    ? 'loading'
    : me.isError && me.data === undefined
      ? 'error'
      : user
        ? 'signed-in'
        : 'signed-out';
  const value = useMemo<Session>(
    () => ({
      status,
      user,
      error: me.error,
      ended: endedNow,
      retry: () => void refetch(),
      can: (permission) => roleCan(user?.role, permission),
      signOut,
      signingOut,
    }),
    [status, user, me.error, endedNow, refetch, signOut, signingOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
