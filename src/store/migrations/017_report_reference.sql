-- The multi-year programs (normally five years) and their targets per indicator, loaded from
-- data/program-periods.csv and data/period-targets.csv. A period's actuals are not stored:
-- the reports sum the years' acceptance records.
CREATE TABLE program_periods (
  code TEXT PRIMARY KEY,
  level TEXT NOT NULL CHECK (level IN ('KCQG', 'KCDP')),
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  start_year BIGINT NOT NULL,
  end_year BIGINT NOT NULL CHECK (end_year >= start_year),
  legal_basis TEXT NOT NULL,
  confirmed BIGINT NOT NULL
);
CREATE TABLE period_targets (
  period_code TEXT NOT NULL REFERENCES program_periods(code),
  indicator_code TEXT NOT NULL REFERENCES indicators(code),
  target BIGINT NOT NULL CHECK (target >= 0),
  legal_basis TEXT NOT NULL,
  confirmed BIGINT NOT NULL,
  PRIMARY KEY (period_code, indicator_code)
);
-- The headings the ministry's reports group work under (data/report-groups.csv) and which
-- content falls under which heading, dated (data/content-report-groups.csv): a report rolls
-- its contents up through the mapping in force in its year.
CREATE TABLE report_groups (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order BIGINT NOT NULL,
  legal_basis TEXT NOT NULL,
  confirmed BIGINT NOT NULL
);
CREATE TABLE content_report_groups (
  content_code TEXT NOT NULL REFERENCES contents(code),
  group_code TEXT NOT NULL REFERENCES report_groups(code),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  legal_basis TEXT NOT NULL,
  confirmed BIGINT NOT NULL,
  PRIMARY KEY (content_code, valid_from)
);
