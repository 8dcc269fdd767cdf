// Shapes of the API (see /api/v1/openapi.json).
export interface ProvinceRef {
  set: '2008' | '2025';
  code: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface ProjectOutput {
  indicator: string;
  quantity: number;
}

export interface Project {
  id: number;
  code: string;
  title: string;
  year: number;
  program_id: number;
  content_code: string;
  kind: 'regular' | 'point' | 'group';
  provinces: ProvinceRef[];
  implementing_org_id: number;
  implementing_org_name?: string;
  beneficiary_ids?: number[];
  cooperating_org_ids?: number[];
  requested_vnd: number;
  counterpart_vnd: number;
  total_vnd: number;
  start: string;
  end: string;
  outputs?: ProjectOutput[];
  priority_flags?: string[];
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Program {
  id: number;
  code: string;
  level: 'KCQG' | 'KCDP';
  province: ProvinceRef | null;
  year: number;
  name: string;
  budget_vnd: number;
  version: number;
}

export interface Organization {
  id: number;
  name: string;
  kind: string;
  province: ProvinceRef;
  address: string;
  tax_code: string;
  version: number;
}

export interface Facility {
  id: number;
  name: string;
  kind: string;
  tax_code: string;
  province: ProvinceRef;
  commune: string;
  address: string;
  craft_village: boolean;
  women_owned: boolean;
  ethnic_minority_workers: boolean;
  industry: string;
  employees: number;
  version: number;
}

export type ReferenceRow = Record<string, string | number | null>;

export interface Group {
  key: string;
  projects: number;
  requested_vnd: number;
}

export interface ProjectStats {
  projects: number;
  requested_vnd: number;
  counterpart_vnd: number;
  total_vnd: number;
  beneficiaries: number;
  by_content: Group[];
  by_kind: Group[];
  by_status: Group[];
  by_region: Group[];
  outputs: ProjectOutput[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export interface User {
  id: number;
  login: string;
  display_name: string;
  role: 'admin' | 'ministry' | 'department' | 'appraiser' | 'province' | 'unit';
  province: ProvinceRef | null;
  organization_id: number | null;
  disabled: boolean;
  demo_password: boolean;
  version: number;
}

export interface Session {
  user: User;
  csrf_token: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string;
}
