// The API's shapes, generated from the OpenAPI document (src/http/openapi.json) into
// generated/openapi.ts by `npm run gen:api` before every build and type check; nothing here
// repeats a field. The document's schemas serve requests too, so fields the server always
// sends (id, version, ...) are optional there: `Stored` makes them required in answers.
import type { components, paths } from './generated/openapi';

type Schemas = components['schemas'];
type Stored<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;

export type ProvinceRef = Schemas['ProvinceRef'];
export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];
export type Project = Stored<
  Schemas['Project'],
  | 'id'
  | 'version'
  | 'status'
  | 'kind'
  | 'counterpart_vnd'
  | 'total_vnd'
  | 'created_at'
  | 'updated_at'
>;
export type ProjectOutput = NonNullable<Project['outputs']>[number];
export type Program = Stored<Schemas['Program'], 'id' | 'version' | 'province'>;
export type Organization = Stored<Schemas['Organization'], 'id' | 'version'>;
export type Facility = Stored<Schemas['Facility'], 'id' | 'version'>;
export type User = Stored<Schemas['User'], 'id' | 'version' | 'province' | 'organization_id'>;
export type Session = Omit<Schemas['Session'], 'user'> & { user: User };
export type AuditEntry = Schemas['AuditEntry'];
export type ProjectStats = Schemas['ProjectStats'];
export type Group = ProjectStats['by_content'][number];
export type ReferenceRow = Schemas['ReferenceList']['items'][number];
export type Round = Stored<
  Schemas['Round'],
  'id' | 'version' | 'opens_on' | 'closes_on' | 'forward_by' | 'pass_mark' | 'criteria'
>;
export type Criterion = Round['criteria'][number];
export type Council = Stored<Schemas['Council'], 'id' | 'round_id' | 'version'>;
export type Ranking = Schemas['Ranking'];
export type RankingItem = Ranking['items'][number];
export type ScoreSheet = Schemas['ScoreSheet'];
export type ScoreLine = ScoreSheet['lines'][number];
export type Check = Schemas['Check'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  total_is_estimate?: boolean; // a large search's total, estimated past 10,000
}
type Defaulted = 'objective' | 'bundles' | 'time_limit_s' | 'gap';
export type PlanScenario = Omit<Schemas['PlanScenario'], Defaulted> &
  Partial<Pick<Schemas['PlanScenario'], Defaulted>>;
export type PlanLimit = NonNullable<PlanScenario['limits']>[number];
export type PlanWeight = NonNullable<PlanScenario['weights']>[number];
export type PlanResult = Schemas['PlanResult'];
export type PlanCandidate = Schemas['PlanCandidate'];
export type PlanFunded = PlanResult['funded'][number];
export type PlanUnfunded = PlanResult['unfunded'][number];
export type SavedScenario = Schemas['SavedScenario'];
export type ScenarioComparison = Schemas['ScenarioComparison'];
export type ProjectPlanPlace =
  paths['/api/v1/projects/{id}/plan']['get']['responses']['200']['content']['application/json'];
export type PlanDecision = Schemas['PlanDecision'];
export type GroupSplit = Schemas['GroupSplit'];
export type Attachment = Schemas['Attachment'];
export type ImportReport = Schemas['ImportReport'];
export type ImportKind = ImportReport['kind'];
export type Dossier = Schemas['Dossier'];
export type AnnualReport = Schemas['AnnualReport'];
export type Job = Schemas['Job'];
export type PeriodReport = Schemas['PeriodReport'];
export type ProvinceReport = Schemas['ProvinceReport'];
export type ReportFigures = Schemas['ReportFigures'];
export type DossierInput = Schemas['DossierInput'];
export type PlanRollup = Schemas['PlanRollup'];
export type PlanDecisions =
  paths['/api/v1/plans/decisions']['get']['responses']['200']['content']['application/json'];
export type Contract = Schemas['Contract'];
export type ContractView = Schemas['ContractView'];
export type Payment = Schemas['Payment'];
export type ProgressReport = Schemas['ProgressReport'];
export type Acceptance = Schemas['Acceptance'];
export type Completion = Schemas['Completion'];
export type Attention = Schemas['Attention'];
export type AttentionItem = Attention['items'][number];
export type ReleasedFunds = Schemas['ReleasedFunds'];
export type RoundConclusion = Schemas['RoundConclusion'];
export type Notifications = Schemas['Notifications'];
export type Notification = Notifications['items'][number];
export type NotificationSettings = Schemas['NotificationSettings'];
export type ContractChange = Schemas['ContractChange'];
export type MonitoringVisit = Schemas['MonitoringVisit'];
export type SupportHistory = Schemas['SupportHistory'];
export type Fair = Stored<
  Schemas['Fair'],
  'id' | 'version' | 'booths' | 'facilities' | 'amount_vnd' | 'province_2025'
>;
export type FairDetail = Fair & Pick<Schemas['FairDetail'], 'booth_supports'>;
export type BoothSupport = Schemas['BoothSupport'];
export type FairPage = Page<Fair> & {
  totals: { fairs: number; booths: number; facilities: number; amount_vnd: number };
};
export type TypicalProduct = Stored<
  Schemas['TypicalProduct'],
  'id' | 'verify_code' | 'facility_name' | 'province_2025' | 'valid_until' | 'valid'
>;
export type ProductPage = Page<TypicalProduct> & { by_level: Record<string, number> };
export type Cluster = Stored<
  Schemas['Cluster'],
  'id' | 'version' | 'province_2025' | 'region_code' | 'occupancy_pct'
>;
export type ClusterDetail = Cluster &
  Pick<Schemas['ClusterDetail'], 'checks' | 'projects'> & { reports: ClusterReport[] };
export type ClusterReport = Schemas['ClusterReport'];
export type ClusterReportSummary = Schemas['ClusterReportSummary'];
export type ClusterReportProvince = Schemas['ClusterReportProvince'];
export type ClusterPage = Page<Cluster> & {
  totals: {
    clusters: number;
    area_ha: number;
    industrial_land_ha: number;
    leased_land_ha: number;
    occupancy_pct: number;
    tenants: number;
    workers: number;
    by_province: Record<string, number>;
  };
};
export type Article = Stored<
  Schemas['Article'],
  'id' | 'slug' | 'status' | 'version' | 'public_url' | 'updated_at'
>;
export type ArticleImage = Schemas['ArticleImage'];
export type ArticleDetail = Article & { html: string; images: ArticleImage[] };
export type Petition = Schemas['Petition'];
export type Chain = Schemas['Chain'];
export type SelectionRound = Schemas['SelectionRound'];
export type SelectionRoundDetail = Schemas['SelectionRoundDetail'];
export type Nomination = Schemas['Nomination'];
export type ChainDetail = Schemas['ChainDetail'];
