// Who is logged in. The app shows the login page until GET /session answers; the CSRF token
// of the session goes to the API client.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { api, setCsrfToken } from './api';
import type { Session } from './types';

interface SessionState {
  session: Session | null;
  loading: boolean;
  refresh: () => Promise<void>;
}

const Ctx = createContext<SessionState>({ session: null, loading: true, refresh: async () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const s = await api.session();
        setCsrfToken(s.csrf_token);
        return s;
      } catch {
        setCsrfToken('');
        return null;
      }
    },
    staleTime: Infinity,
  });
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
