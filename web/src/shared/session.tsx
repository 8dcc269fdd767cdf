// Who is logged in. The app shows the login page until GET /session answers; the CSRF token
// of the session goes to the API client. A 401 from any request ends the session here: the
// login page then shows at the same address, so that logging in again returns to the page.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from './api';
import type { Session } from './types';

interface SessionState {
  session: Session | null;
  loading: boolean;
  refresh: () => Promise<void>;
}

// Whether this browser had a session when last asked: only then does the app, starting, ask
// for the logged-in pages' code before the session answers (main.tsx). A hint, not a secret.
const SIGNED_IN = 'kc.signedIn';
function rememberSignedIn(yes: boolean) {
  try {
    if (yes) localStorage.setItem(SIGNED_IN, '1');
    else localStorage.removeItem(SIGNED_IN);
  } catch {
    // storage refused (private mode): no hint, no prefetch
  }
}
export function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN) === '1';
  } catch {
    return false;
  }
}

const Ctx = createContext<SessionState>({ session: null, loading: true, refresh: async () => {} });

// The session's query: asked for by main.tsx as the app starts (startSession), before React
// first renders, and read by SessionProvider.
const SESSION_QUERY = {
  queryKey: ['session'],
  queryFn: async (): Promise<Session | null> => {
    try {
      const s = await api.session();
      setCsrfToken(s.csrf_token);
      rememberSignedIn(true);
      return s;
    } catch {
      setCsrfToken('');
      rememberSignedIn(false);
      return null;
    }
  },
  staleTime: Infinity,
};
export function startSession(client: QueryClient) {
  void client.prefetchQuery(SESSION_QUERY);
}
/** The session once GET /session has answered (the request asked for at start, if under way). */
export function sessionReady(client: QueryClient): Promise<Session | null> {
  return client.fetchQuery(SESSION_QUERY);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const q = useQuery(SESSION_QUERY);
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken('');
      rememberSignedIn(false);
      client.setQueryData(['session'], null);
    });
  }, [client]);
  const refresh = async () => {
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'reference' });
    await q.refetch();
  };
  return (
    <Ctx.Provider value={{ session: q.data ?? null, loading: q.isLoading, refresh }}>
      {children}
    </Ctx.Provider>
  );
}

export function useSession(): SessionState {
  return useContext(Ctx);
}
