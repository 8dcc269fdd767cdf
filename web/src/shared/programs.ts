// The list of programs. Every main page reads it first, and the app asks for it as it starts
// (prefetchPage in App.tsx): one query, so that the pages find what was asked for.
import type { QueryClient } from '@tanstack/react-query';
import { api } from './api';
import { sessionReady } from './session';
import type { Permission } from './page';

// An answer asked for as the app started is not asked for again when the page first reads it.
export const FRESH_MS = 5_000;

export const PROGRAMS_QUERY = {
  queryKey: ['programs'],
  queryFn: () => api.programs(),
  staleTime: FRESH_MS,
};

/**
 * Where a page's `prefetch` starts: the session's permissions and the programs, once both have
 * answered (the requests asked for at start, when under way).
 */
export async function sessionAndPrograms(client: QueryClient) {
  const [session, programs] = await Promise.all([
    sessionReady(client),
    client.fetchQuery(PROGRAMS_QUERY),
  ]);
  return {
    may: (p: Permission) => session?.permissions.includes(p) ?? false,
    programs: programs.items,
  };
}
