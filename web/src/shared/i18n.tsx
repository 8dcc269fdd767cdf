// Vietnamese first, English second. t(key) looks a key up in the current language and falls
// back to Vietnamese, then to the key itself; t(key, {n: 2}) fills "{n}" in the text.
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ClientProblem } from './api';
import { clustersEN } from './words.clusters.en';
import { clustersVI } from './words.clusters.vi';
import { dossierEN } from './words.dossier.en';
import { dossierVI } from './words.dossier.vi';
import { en as enBase } from './words.en';
import { executionEN } from './words.execution.en';
import { executionVI } from './words.execution.vi';
import { bulletinEN } from './words.bulletin.en';
import { bulletinVI } from './words.bulletin.vi';
import { chainsEN } from './words.chains.en';
import { chainsVI } from './words.chains.vi';
import { fairsEN } from './words.fairs.en';
import { selectionEN } from './words.selection.en';
import { selectionVI } from './words.selection.vi';
import { petitionsEN } from './words.petitions.en';
import { petitionsVI } from './words.petitions.vi';
import { fairsVI } from './words.fairs.vi';
import { importsEN } from './words.imports.en';
import { productsEN } from './words.products.en';
import { productsVI } from './words.products.vi';
import { importsVI } from './words.imports.vi';
import { notifyEN } from './words.notify.en';
import { notifyVI } from './words.notify.vi';
import { reportsEN } from './words.reports.en';
import { reportsVI } from './words.reports.vi';
import { vi as viBase } from './words.vi';

// Every problem code the server may send (its OpenAPI document's list) and the client's own
// ("network") has its words: a new code without them fails the type check.
type ProblemKey = `problem.${NonNullable<ClientProblem['code']>}`;
const vi: Record<string, string> = {
  ...viBase,
  ...executionVI,
  ...notifyVI,
  ...dossierVI,
  ...reportsVI,
  ...importsVI,
  ...fairsVI,
  ...chainsVI,
  ...selectionVI,
  ...bulletinVI,
  ...petitionsVI,
  ...productsVI,
  ...clustersVI,
} satisfies Record<ProblemKey, string>;
const en: Record<string, string> = {
  ...enBase,
  ...executionEN,
  ...notifyEN,
  ...dossierEN,
  ...reportsEN,
  ...importsEN,
  ...fairsEN,
  ...chainsEN,
  ...selectionEN,
  ...bulletinEN,
  ...petitionsEN,
  ...productsEN,
  ...clustersEN,
};

export type Lang = 'vi' | 'en';

const dictionaries: Record<Lang, Record<string, string>> = { vi, en };

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: string, params?: Params) => string;
}

type Params = Record<string, string | number>;

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const Ctx = createContext<I18n>({
  lang: 'vi',
  setLang: () => {},
  t: (k, params) => fill(vi[k] ?? k, params),
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(
    () => (localStorage.getItem('lang') as Lang | null) ?? 'vi',
  );
  const setLang = (l: Lang) => {
    localStorage.setItem('lang', l);
    setLangState(l);
  };
  const t = (key: string, params?: Params) =>
    fill(dictionaries[lang][key] ?? vi[key] ?? key, params);
  return <Ctx.Provider value={{ lang, setLang, t }}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}

export const STATUSES = [
  'draft',
  'submitted',
  'returned',
  'province_appraisal',
  'forwarded',
  'not_forwarded',
  'ministry_appraisal',
  'passed',
  'failed',
  'withdrawn',
  'approved',
  'contracted',
  'in_progress',
  'completed',
  'cancelled',
];
export const KINDS = ['regular', 'point', 'group'];
export const FLAGS = [
  'disadvantaged_area',
  'local_materials',
  'workers_50_plus',
  'women_owned',
  'ethnic_minorities',
  'export',
  'supporting_industry',
  'new_rural_commune',
];
/** The flags the server computes on every save from the beneficiaries' facts and the main
 * province's region (never typed); the others are the filer's declarations. */
export const COMPUTED_FLAGS = [
  'disadvantaged_area',
  'workers_50_plus',
  'women_owned',
  'ethnic_minorities',
];
export const DECLARED_FLAGS = FLAGS.filter((f) => !COMPUTED_FLAGS.includes(f));
