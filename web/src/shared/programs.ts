// The list of programs. Every main page reads it first, and the app asks for it as it starts
// (prefetchPage in App.tsx): one query, so that the pages find what was asked for.
import { api } from './api';

export const PROGRAMS_QUERY = { queryKey: ['programs'], queryFn: () => api.programs() };
