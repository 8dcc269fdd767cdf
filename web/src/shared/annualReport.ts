// The annual report's query, read by the report's page and by the overview's dashboard, and
// asked for as the app starts on either (their `prefetch`).
import { api } from './api';
import { FRESH_MS } from './programs';
import type { Program } from './types';

export const annualReportQuery = (q: { year: number; program?: string }) => ({
  queryKey: ['report', 'annual', q],
  queryFn: () => api.annualReport(q),
  staleTime: FRESH_MS,
});

/** The programs' years, newest first. */
export function programYears(programs: Program[]): number[] {
  return [...new Set(programs.map((p) => p.year))].sort((a, b) => b - a);
}

/** The year a report opens on: the one asked for, else the last full year of `years`. */
export function reportYear(asked: number, years: number[]): number {
  return asked || years.find((y) => y <= new Date().getFullYear() - 1) || years[0] || 0;
}
