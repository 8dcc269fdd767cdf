// The routes. Each page is its own chunk, loaded when first visited, so that the login page
// and the first screen do not carry the code of every other screen.
import type { QueryClient } from '@tanstack/react-query';
import { Skeleton, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from './features/accounts/LoginPage';
import { PROGRAMS_QUERY } from './shared/programs';
import { useSession } from './shared/session';

// The modules already loaded, by their loader.
const loaded = new Map<() => Promise<unknown>, unknown>();
function loadAndKeep<M>(load: () => Promise<M>): Promise<M> {
  return load().then((m) => {
    loaded.set(load, m);
    return m;
  });
}

// A page of its own chunk. When its module is already loaded, the page renders at once: the
// loader answers with a thenable that calls back synchronously, which React.lazy takes without
// suspending. Suspending would show the fallback, and React then holds the page back until
// 300 ms after the fallback showed.
const named = <K extends string, P extends object = object>(
  load: () => Promise<Record<K, React.ComponentType<P>>>,
  name: K,
) =>
  lazy(() => {
    const ready = loaded.get(load) as Record<K, React.ComponentType<P>> | undefined;
    if (!ready) return loadAndKeep(load).then((m) => ({ default: m[name] }));
    const module = { default: ready[name] };
    return { then: (resolve: (m: typeof module) => void) => resolve(module) } as Promise<
      typeof module
    >;
  });

// The frame and the main pages, whose chunks are also asked for as soon as the app starts
// (below), beside the session's request, instead of one after another once it answers.
const load = {
  layout: () => import('./shared/Layout'),
  overview: () => import('./features/overview/Overview'),
  projects: () => import('./features/projects/ProjectList'),
  project: () => import('./features/projects/ProjectDetail'),
  plan: () => import('./features/plans/PlanBuilder'),
  report: () => import('./features/reports/AnnualReportPage'),
};
const PAGE_OF_PATH: [RegExp, () => Promise<unknown>][] = [
  [/^\/?$/, load.overview],
  [/^\/projects\/?$/, load.projects],
  [/^\/projects\/\d+\/?$/, load.project],
  [/^\/plan\/?$/, load.plan],
  [/^\/reports\/?$/, load.report],
];
// The chunks of the frame and of the page the app opened on, while they load.
let prefetching: Promise<unknown> | undefined;
// A page module's `prefetch`: asks for what its first screen reads, with the page's own query
// definitions, so that the page finds the answers there or under way.
type Prefetch = (client: QueryClient, search: URLSearchParams) => Promise<void>;
// `path` is the address under the app's base (/app): "/projects/1". Each main page first reads
// the list of programs, which is asked for too; once the page's chunk has come, so is the rest
// of its first screen (its requests no longer wait for the first render).
export function prefetchPage(path: string, client: QueryClient) {
  const page = PAGE_OF_PATH.find(([pattern]) => pattern.test(path));
  if (!page) return;
  const search = new URLSearchParams(window.location.search);
  const chunk = loadAndKeep(page[1]);
  prefetching = Promise.all([loadAndKeep(load.layout), chunk]).catch(() => {});
  void client.prefetchQuery(PROGRAMS_QUERY);
  chunk.then((m) => (m as { prefetch?: Prefetch }).prefetch?.(client, search)).catch(() => {});
}

// False until the chunks asked for as the app started have arrived (or failed).
function usePrefetched(): boolean {
  const [done, setDone] = useState(prefetching === undefined);
  useEffect(() => {
    let live = true;
    void prefetching?.then(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, []);
  return done;
}

// The logged-in frame too: the login page loads only what it shows.
const Layout = named(load.layout, 'Layout');
const NotFound = named<'NotFound', object>(() => import('./shared/page'), 'NotFound');
const Overview = named<'Overview', object>(load.overview, 'Overview');
const ClusterList = named(() => import('./features/clusters/ClusterList'), 'ClusterList');
const ClusterDetail = named(() => import('./features/clusters/ClusterDetail'), 'ClusterDetail');
const SelectionRounds = named(
  () => import('./features/selection/SelectionRounds'),
  'SelectionRounds',
);
const SelectionRoundPage = named(
  () => import('./features/selection/SelectionRoundPage'),
  'SelectionRoundPage',
);
const ChainList = named(() => import('./features/chains/ChainList'), 'ChainList');
const ChainDetail = named(() => import('./features/chains/ChainDetail'), 'ChainDetail');
const ClusterReports = named(() => import('./features/clusters/ClusterReports'), 'ClusterReports');
const ProductList = named(() => import('./features/products/ProductList'), 'ProductList');
const ArticleList = named(() => import('./features/bulletin/ArticleList'), 'ArticleList');
const ArticleEditor = named(() => import('./features/bulletin/ArticleEditor'), 'ArticleEditor');
const PetitionList = named(() => import('./features/petitions/PetitionList'), 'PetitionList');
const PetitionDetail = named(() => import('./features/petitions/PetitionDetail'), 'PetitionDetail');
const FairList = named(() => import('./features/fairs/FairList'), 'FairList');
const FairDetail = named(() => import('./features/fairs/FairDetail'), 'FairDetail');
const ProjectList = named(load.projects, 'ProjectList');
const ProjectDetail = named(load.project, 'ProjectDetail');
const ProjectForm = named(() => import('./features/projects/ProjectForm'), 'ProjectForm');
const SubmitWizard = named(() => import('./features/projects/SubmitWizard'), 'SubmitWizard');
const ProgramList = named(() => import('./features/register/RegisterLists'), 'ProgramList');
const OrganizationList = named(
  () => import('./features/register/RegisterLists'),
  'OrganizationList',
);
const FacilityList = named(() => import('./features/register/RegisterLists'), 'FacilityList');
const PlaceDetail = named(() => import('./features/register/PlaceDetail'), 'PlaceDetail');
const PlaceForm = named(() => import('./features/register/PlaceForm'), 'PlaceForm');
const ReferenceLists = named(() => import('./features/reference/ReferenceLists'), 'ReferenceLists');
const UserAdmin = named(() => import('./features/accounts/UserAdmin'), 'UserAdmin');
const AuditLog = named(() => import('./features/audit/AuditLog'), 'AuditLog');
const ImportPage = named(() => import('./features/imports/ImportPage'), 'ImportPage');
const Rounds = named(() => import('./features/appraisal/Rounds'), 'Rounds');
const CouncilPage = named(() => import('./features/appraisal/CouncilPage'), 'CouncilPage');
const Scoring = named(() => import('./features/appraisal/Scoring'), 'Scoring');
const IntakeBoard = named(() => import('./features/appraisal/IntakeBoard'), 'IntakeBoard');
const PlanBuilder = named<'PlanBuilder', object>(load.plan, 'PlanBuilder');
const AnnualReportPage = named<'AnnualReportPage', object>(load.report, 'AnnualReportPage');
const PeriodReportPage = named(
  () => import('./features/reports/PeriodReportPage'),
  'PeriodReportPage',
);
const ProvinceReportPage = named(
  () => import('./features/reports/ProvinceReportPage'),
  'ProvinceReportPage',
);
const ExecutionPage = named(() => import('./features/execution/ExecutionPage'), 'ExecutionPage');
const NotificationsPage = named(
  () => import('./features/notifications/NotificationsPage'),
  'NotificationsPage',
);

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>{children}</Suspense>;
}

export function App() {
  const { session, loading } = useSession();
  const prefetched = usePrefetched();
  if (loading || (session && !prefetched))
    return <Spin style={{ display: 'block', marginTop: 200 }} />;
  if (!session) return <LoginPage />;
  const page = (element: React.ReactNode) => <Lazy>{element}</Lazy>;
  return (
    <Routes>
      <Route element={page(<Layout />)}>
        <Route index element={page(<Overview />)} />
        <Route path="projects" element={page(<ProjectList />)} />
        <Route path="projects/new" element={page(<ProjectForm />)} />
        <Route path="projects/:id" element={page(<ProjectDetail />)} />
        <Route path="projects/:id/edit" element={page(<ProjectForm />)} />
        <Route path="projects/:id/submit" element={page(<SubmitWizard />)} />
        <Route path="programs" element={page(<ProgramList />)} />
        <Route path="organizations" element={page(<OrganizationList />)} />
        <Route path="facilities" element={page(<FacilityList />)} />
        {(['organizations', 'facilities'] as const).map((kind) => [
          <Route
            key={`${kind}-new`}
            path={`${kind}/new`}
            element={page(<PlaceForm key={`${kind}-new`} kind={kind} />)}
          />,
          <Route
            key={`${kind}-one`}
            path={`${kind}/:id`}
            element={page(<PlaceDetail kind={kind} />)}
          />,
          <Route
            key={`${kind}-edit`}
            path={`${kind}/:id/edit`}
            element={page(<PlaceForm key={`${kind}-edit`} kind={kind} />)}
          />,
        ])}
        <Route path="reference" element={page(<ReferenceLists />)} />
        <Route path="users" element={page(<UserAdmin />)} />
        <Route path="audit" element={page(<AuditLog />)} />
        <Route path="import" element={page(<ImportPage />)} />
        <Route path="appraisal" element={page(<Rounds />)} />
        <Route path="appraisal/councils/:id" element={page(<CouncilPage />)} />
        <Route path="scoring" element={page(<Scoring />)} />
        <Route path="intake" element={page(<IntakeBoard />)} />
        <Route path="plan" element={page(<PlanBuilder />)} />
        <Route path="execution" element={page(<ExecutionPage />)} />
        <Route path="notifications" element={page(<NotificationsPage />)} />
        <Route path="products" element={page(<ProductList />)} />
        <Route path="fairs" element={page(<FairList />)} />
        <Route path="fairs/:id" element={page(<FairDetail />)} />
        <Route path="reports" element={page(<AnnualReportPage />)} />
        <Route path="reports/period" element={page(<PeriodReportPage />)} />
        <Route path="reports/province" element={page(<ProvinceReportPage />)} />
        <Route path="reports/province/:code" element={page(<ProvinceReportPage />)} />
        <Route path="clusters" element={page(<ClusterList />)} />
        <Route path="clusters/:id" element={page(<ClusterDetail />)} />
        <Route path="cluster-reports" element={page(<ClusterReports />)} />
        <Route path="chains" element={page(<ChainList />)} />
        <Route path="selection" element={page(<SelectionRounds />)} />
        <Route path="selection/:id" element={page(<SelectionRoundPage />)} />
        <Route path="chains/:id" element={page(<ChainDetail />)} />
        <Route path="petitions" element={page(<PetitionList />)} />
        <Route path="petitions/:id" element={page(<PetitionDetail />)} />
        <Route path="bulletin" element={page(<ArticleList />)} />
        <Route path="bulletin/new" element={page(<ArticleEditor />)} />
        <Route path="bulletin/:id" element={page(<ArticleEditor />)} />
        <Route path="*" element={page(<NotFound />)} />
      </Route>
    </Routes>
  );
}
