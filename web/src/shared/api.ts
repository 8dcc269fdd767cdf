// The one API client: components never call fetch themselves.
import type {
  ImportKind,
  ImportReport,
  Acceptance,
  AnnualReport,
  Job,
  PeriodReport,
  ProvinceReport,
  Attachment,
  Dossier,
  DossierInput,
  Attention,
  AuditEntry,
  Check,
  Completion,
  Contract,
  ContractView,
  Council,
  Facility,
  Article,
  ArticleDetail,
  ArticleImage,
  Fair,
  FairDetail,
  Petition,
  FairPage,
  ClusterPage,
  Chain,
  ChainDetail,
  Nomination,
  SelectionRound,
  SelectionRoundDetail,
  ClusterDetail,
  ClusterReport,
  ClusterReportSummary,
  ProductPage,
  GroupSplit,
  NotificationSettings,
  Notifications,
  Organization,
  Page,
  Payment,
  PlanDecision,
  PlanDecisions,
  PlanRollup,
  PlanResult,
  PlanScenario,
  Problem,
  ProgressReport,
  Program,
  Project,
  ProjectPlanPlace,
  ProjectStats,
  Ranking,
  ReferenceRow,
  ReleasedFunds,
  RoundConclusion,
  Round,
  SavedScenario,
  ScenarioComparison,
  ScoreLine,
  ScoreSheet,
  Session,
  SupportHistory,
  User,
} from './types';

// The session's CSRF token, sent with every state-changing request.
let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

// Called when the server answers 401 to anything but a login: the session has ended.
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

// A problem as the client knows it: the server's, or "network" (status 0) for a request that
// got no answer at all — the line or the server is down — so that every screen words that too.
export type ClientProblem = Omit<Problem, 'code'> & { code?: Problem['code'] | 'network' };

export class ApiError extends Error {
  constructor(public problem: ClientProblem) {
    super(problem.detail || problem.title);
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'network',
      status: 0,
      detail: '',
      instance: url,
      code: 'network',
    });
  }
}

// The answer's JSON (null when empty); a body that is not JSON (a proxy's error page) becomes
// a problem of the answer's status. A 401 ends the session unless `path` is the login itself.
async function read<T>(res: Response, path: string): Promise<T> {
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { title: res.statusText, status: res.status, detail: text };
  }
  if (res.status === 401 && path !== '/session') onUnauthenticated();
  if (!res.ok) throw new ApiError(data as Problem);
  return data as T;
}

// A file's bytes as the body of a POST (an attachment's upload, an import), its name in the
// query with any `more` parameters.
export async function uploadFile<T>(
  path: string,
  file: File,
  more: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const query = new URLSearchParams({ name: file.name, ...more });
  const res = await send(`/api/v1${path}?${query}`, { method: 'POST', headers, body: file });
  return read<T>(res, path);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await send(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return read<T>(res, path);
}

export type Query = Record<string, string | number | undefined | null>;

function qs(params: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const api = {
  projects: (q: Query) => request<Page<Project>>('GET', `/projects${qs(q)}`),
  project: (id: number) => request<Project>('GET', `/projects/${id}`),
  createProject: (p: Partial<Project>) => request<Project>('POST', '/projects', p),
  updateProject: (id: number, p: Partial<Project> & { reason?: string }) =>
    request<Project>('PUT', `/projects/${id}`, p),
  cancelProject: (id: number, version: number, reason: string) =>
    request<Project>('POST', `/projects/${id}/cancel`, { version, reason }),
  transition: (id: number, action: string, version: number, reason: string) =>
    request<Project>('POST', `/projects/${id}/transitions`, {
      action,
      version,
      ...(reason ? { reason } : {}),
    }),
  projectChecks: (id: number) => request<{ items: Check[] }>('GET', `/projects/${id}/checks`),
  projectStats: (q: Query) => request<ProjectStats>('GET', `/projects/stats${qs(q)}`),
  exportUrl: (q: Query, format: 'csv' | 'xlsx') => `/api/v1/projects/export${qs({ ...q, format })}`,
  programs: (q: Query = {}) =>
    request<Page<Program>>('GET', `/programs${qs({ page_size: 200, ...q })}`),
  organizations: (q: Query) => request<Page<Organization>>('GET', `/organizations${qs(q)}`),
  organization: (id: number) => request<Organization>('GET', `/organizations/${id}`),
  facilities: (q: Query) => request<Page<Facility>>('GET', `/facilities${qs(q)}`),
  facility: (id: number) => request<Facility>('GET', `/facilities/${id}`),
  createOrganization: (o: Partial<Organization>) =>
    request<Organization>('POST', '/organizations', o),
  updateOrganization: (id: number, o: Partial<Organization> & { reason?: string }) =>
    request<Organization>('PUT', `/organizations/${id}`, o),
  createFacility: (f: Partial<Facility>) => request<Facility>('POST', '/facilities', f),
  updateFacility: (id: number, f: Partial<Facility> & { reason?: string }) =>
    request<Facility>('PUT', `/facilities/${id}`, f),
  session: () => request<Session>('GET', '/session'),
  login: (login: string, password: string) =>
    request<Session>('POST', '/session', { login, password }),
  logout: () => request<null>('DELETE', '/session'),
  changePassword: (current: string, next: string) =>
    request<null>('PUT', '/session/password', {
      current_password: current,
      new_password: next,
    }),
  users: () => request<Page<User>>('GET', '/users'),
  createUser: (u: Partial<User>) =>
    request<User & { one_time_password?: string }>('POST', '/users', u),
  updateUser: (id: number, u: Partial<User>) => request<User>('PUT', `/users/${id}`, u),
  resetPassword: (id: number) =>
    request<{ one_time_password?: string }>('POST', `/users/${id}/password`, {}),
  audit: () => request<{ items: AuditEntry[]; total: number }>('GET', '/audit'),
  placeHistory: (kind: 'organizations' | 'facilities', id: number) =>
    request<{ items: AuditEntry[]; total: number }>('GET', `/${kind}/${id}/history`),
  projectHistory: (id: number) =>
    request<{ items: AuditEntry[]; total: number }>('GET', `/projects/${id}/history`),
  rounds: (q: Query = {}) => request<{ items: Round[] }>('GET', `/rounds${qs(q)}`),
  createRound: (r: Partial<Round>) => request<Round>('POST', '/rounds', r),
  councils: (round: number) => request<{ items: Council[] }>('GET', `/rounds/${round}/councils`),
  ranking: (council: number) => request<Ranking>('GET', `/councils/${council}/ranking`),
  assign: (council: number, projectIds: number[]) =>
    request<{ assigned: number }>('POST', `/councils/${council}/assignments`, {
      project_ids: projectIds,
    }),
  conclude: (council: number, projectId: number, conclusion: string, note: string) =>
    request<unknown>('POST', `/councils/${council}/conclusions`, {
      project_id: projectId,
      conclusion,
      ...(note ? { note } : {}),
    }),
  sheet: (council: number, project: number) =>
    request<ScoreSheet>('GET', `/councils/${council}/sheets/${project}`),
  saveSheet: (council: number, project: number, lines: ScoreLine[]) =>
    request<ScoreSheet>('PUT', `/councils/${council}/sheets/${project}`, { lines }),
  declareConflict: (council: number, project: number, note: string) =>
    request<ScoreSheet>('POST', `/councils/${council}/sheets/${project}/conflict`, { note }),
  solvePlan: (s: PlanScenario, explain: boolean) =>
    request<PlanResult>('POST', `/plans/solve?explain=${explain}`, s),
  scenarios: (program: string) =>
    request<{ items: SavedScenario[] }>('GET', `/plans/scenarios${qs({ program })}`),
  scenario: (id: number) => request<SavedScenario>('GET', `/plans/scenarios/${id}`),
  saveScenario: (s: PlanScenario) => request<SavedScenario>('POST', '/plans/scenarios', s),
  decide: (d: {
    scenario_id: number;
    number: string;
    signed_on: string;
    signer: string;
    batch: number;
  }) => request<PlanDecision>('POST', '/plans/decisions', d),
  adjustPlan: (d: {
    program: string;
    number: string;
    signed_on: string;
    signer: string;
    reason: string;
    items: { code: string; amount_vnd: number }[];
  }) => request<PlanDecision>('POST', '/plans/adjustments', d),
  execution: (projectId: number) =>
    request<{ items: ContractView[] }>('GET', `/projects/${projectId}/execution`),
  contracts: (q: Query) => request<Page<Contract>>('GET', `/contracts${qs(q)}`),
  draftContracts: (decisionId: number) =>
    request<{ created: number; items: Contract[] }>(
      'POST',
      `/plans/decisions/${decisionId}/contracts`,
    ),
  changeContract: (id: number, body: object) =>
    request<object>('POST', `/contracts/${id}/changes`, body),
  assignOfficer: (id: number, body: { version: number; officer_id: number }) =>
    request<Contract>('POST', `/contracts/${id}/officer`, body),
  recordVisit: (id: number, body: object) =>
    request<object>('POST', `/contracts/${id}/visits`, body),
  contractAction: (id: number, action: 'sign' | 'terminate' | 'settle', body: object) =>
    request<Contract>('POST', `/contracts/${id}/${action}`, body),
  recordPayment: (body: object) => request<Payment>('POST', '/payments', body),
  fileReport: (body: object) => request<ProgressReport>('POST', '/progress-reports', body),
  accept: (body: object) => request<Acceptance>('POST', '/acceptances', body),
  clusters: (q: Query = {}) => request<ClusterPage>('GET', `/clusters${qs(q)}`),
  cluster: (id: number) => request<ClusterDetail>('GET', `/clusters/${id}`),
  clusterReports: (q: Query = {}) =>
    request<Page<ClusterReport>>('GET', `/cluster-reports${qs(q)}`),
  clusterReportSummary: (q: Query) =>
    request<ClusterReportSummary>('GET', `/cluster-reports/summary${qs(q)}`),
  recordClusterReport: (b: object) => request<ClusterReport>('POST', '/cluster-reports', b),
  correctClusterReport: (id: number, b: object) =>
    request<ClusterReport>('PUT', `/cluster-reports/${id}`, b),
  compileClusterReports: (b: object) => request<object>('POST', '/cluster-reports/compile', b),
  products: (q: Query = {}) => request<ProductPage>('GET', `/typical-products${qs(q)}`),
  certificateUrl: (id: number, format = 'pdf') =>
    `/api/v1/typical-products/${id}/certificate?format=${format}`,
  articles: (q: Query = {}) => request<Page<Article>>('GET', `/articles${qs(q)}`),
  article: (id: number) => request<ArticleDetail>('GET', `/articles/${id}`),
  createArticle: (a: object) => request<Article>('POST', '/articles', a),
  updateArticle: (id: number, a: object) => request<Article>('PUT', `/articles/${id}`, a),
  previewArticle: (body_md: string) =>
    request<{ html: string }>('POST', '/articles/preview', { body_md }),
  addArticleImage: (id: number, file: File, caption: string) =>
    uploadFile<ArticleImage>(`/articles/${id}/images`, file, { caption }),
  selectionRounds: (q: Query = {}) =>
    request<Page<SelectionRound>>('GET', `/selection-rounds${qs(q)}`),
  selectionRound: (id: number) => request<SelectionRoundDetail>('GET', `/selection-rounds/${id}`),
  nominate: (id: number, b: object) =>
    request<Nomination>('POST', `/selection-rounds/${id}/nominations`, b),
  scoreNomination: (id: number, b: object) => request<object>('PUT', `/nominations/${id}/sheet`, b),
  concludeSelection: (id: number, b: object) =>
    request<object>('POST', `/selection-rounds/${id}/conclude`, b),
  chains: (q: Query = {}) =>
    request<Page<Chain> & { totals: Record<string, number> }>('GET', `/chains${qs(q)}`),
  chain: (id: number) => request<ChainDetail>('GET', `/chains/${id}`),
  createChain: (b: object) => request<ChainDetail>('POST', '/chains', b),
  updateChain: (id: number, b: object) => request<ChainDetail>('PUT', `/chains/${id}`, b),
  petitions: (q: Query = {}) => request<Page<Petition>>('GET', `/petitions${qs(q)}`),
  petition: (id: number) => request<Petition>('GET', `/petitions/${id}`),
  filePetition: (p: object) => request<Petition>('POST', '/petitions', p),
  assignPetition: (id: number, b: object) =>
    request<Petition>('POST', `/petitions/${id}/assign`, b),
  answerPetition: (id: number, b: object) =>
    request<Petition>('POST', `/petitions/${id}/answer`, b),
  fairs: (q: Query = {}) => request<FairPage>('GET', `/fairs${qs(q)}`),
  fair: (id: number) => request<FairDetail>('GET', `/fairs/${id}`),
  createFair: (f: object) => request<Fair>('POST', '/fairs', f),
  updateFair: (id: number, f: object) => request<Fair>('PUT', `/fairs/${id}`, f),
  addBooth: (fairId: number, b: object) => request<object>('POST', `/fairs/${fairId}/booths`, b),
  supportHistory: (facilityId: number) =>
    request<SupportHistory>('GET', `/facilities/${facilityId}/support`),
  annualReport: (q: Query) => request<AnnualReport>('GET', `/reports/annual${qs(q)}`),
  annualReportUrl: (q: Query) => `/api/v1/reports/annual${qs(q)}`,
  periodReport: (q: Query) => request<PeriodReport>('GET', `/reports/period${qs(q)}`),
  provinceReport: (q: Query) => request<ProvinceReport>('GET', `/reports/province${qs(q)}`),
  openDataUrl: (q: Query) => `/api/v1/open-data${qs(q)}`,
  startJob: (body: { kind: string; format?: string; filters?: Query }) =>
    request<Job>('POST', '/jobs', body),
  job: (id: string) => request<Job>('GET', `/jobs/${id}`),
  jobFileUrl: (id: string) => `/api/v1/jobs/${id}/file`,
  reportUrl: (name: 'period' | 'province', q: Query) => `/api/v1/reports/${name}${qs(q)}`,
  completion: (q: Query) => request<Completion>('GET', `/completion${qs(q)}`),
  attention: (q: Query) => request<Attention>('GET', `/attention${qs(q)}`),
  roundConclusion: (council: number) =>
    request<RoundConclusion>('GET', `/councils/${council}/round-conclusion`),
  concludeRound: (council: number, body: object) =>
    request<RoundConclusion>('POST', `/councils/${council}/round-conclusion`, body),
  notifications: (unread = false) =>
    request<Notifications>('GET', `/notifications${unread ? '?unread=true' : ''}`),
  markRead: (id: number) => request<{ marked: number }>('POST', `/notifications/${id}/read`),
  markAllRead: () => request<{ marked: number }>('POST', '/notifications/read'),
  notificationSettings: () => request<NotificationSettings>('GET', '/notification-settings'),
  saveNotificationSettings: (body: NotificationSettings) =>
    request<NotificationSettings>('PUT', '/notification-settings', body),
  dossier: (id: number) => request<Dossier>('GET', `/projects/${id}/dossier`),
  putDossier: (id: number, d: DossierInput) =>
    request<Dossier>('PUT', `/projects/${id}/dossier`, d),
  attachments: (id: number) =>
    request<{ items: Attachment[]; total: number }>('GET', `/projects/${id}/attachments`),
  attach: (id: number, file: File) => uploadFile<Attachment>(`/projects/${id}/attachments`, file),
  importFile: (kind: ImportKind, file: File, check: boolean) =>
    uploadFile<ImportReport>(`/imports/${kind}`, file, { check: String(check) }),
  detach: (id: number, file: number) =>
    request<void>('DELETE', `/projects/${id}/attachments/${file}`),
  splitGroup: (
    id: number,
    d: { number: string; signed_on: string; items: { facility_id: number; amount_vnd: number }[] },
  ) => request<GroupSplit>('POST', `/projects/${id}/split`, d),
  planRollup: () => request<PlanRollup>('GET', '/plans/rollup'),
  releasedFunds: (program: string) =>
    request<ReleasedFunds>('GET', `/plans/released${qs({ program })}`),
  decisions: (program: string) =>
    request<PlanDecisions>('GET', `/plans/decisions${qs({ program })}`),
  projectPlan: (id: number) => request<ProjectPlanPlace>('GET', `/projects/${id}/plan`),
  compareScenarios: (ids: number[]) =>
    request<ScenarioComparison>('GET', `/plans/compare?ids=${ids.join(',')}`),
  reference: (name: string) =>
    request<{ items: ReferenceRow[]; total: number }>('GET', `/reference/${name}`),
};
