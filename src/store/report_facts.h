#pragma once
// The reports' facts held in memory: one compact row per project with what the annual report,
// the period and the province reports aggregate (its year, program, content, kind, places, its
// organization; its current plan amount and counterpart funds; its implementation contracts'
// counts and values, payments, acceptances, released funds; its outputs planned and accepted),
// loaded from the database in one read transaction and stamped with the data's version.
// Aggregating a year's slice of it is a scan of a few megabytes (milliseconds at a million
// projects) where the same figures in SQL take seconds. `completion` and `plan_breakdown` give
// exactly what their SQL namesakes (store/execution_query.h, store/report_query.h) give for the
// queries `covers` accepts; tests/unit/report_facts_test.cc compares them.
//
// Thread safety: immutable once loaded; shared by every reader.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "store/db.h"
#include "store/execution_query.h"
#include "store/report_query.h"

namespace kc::store {

struct ReportFacts {
  using Code = std::int32_t;  // index into `codes`; -1: none
  struct Project {
    std::int64_t id = 0, program_id = 0, organization_id = 0;
    std::int32_t year = 0;
    Code content = -1, kind = -1;
    bool cancelled = false, has_items = false;  // has_items: any row in the plan's decisions
    Vnd plan = 0, counterpart = 0;
    std::int32_t contracted = 0, settled = 0, accepted = 0, released_contracts = 0;
    Vnd contracted_vnd = 0, settled_vnd = 0, accepted_vnd = 0, disbursed = 0, released_used = 0;
    std::uint32_t places = 0, places_end = 0;    // range in `places`; the first is position 0
    std::uint32_t outputs = 0, outputs_end = 0;  // range in `outputs`
  };
  struct Place {
    std::int32_t position = 0;
    Code province_2025 = -1, province_2008 = -1, region = -1;  // 2008: when its set is 2008
  };
  struct Output {
    Code indicator = -1;
    bool planned = false, accepted = false;  // a row in the project's outputs / acceptances
    std::int64_t expected = 0, actual = 0;
  };
  struct Program {
    std::int64_t id = 0;
    std::string code, level;
  };

  std::int64_t version = 0;  // store::data_version when loaded
  Freshness as_of;           // how fresh the data it was loaded from was
  std::vector<Program> programs;
  std::vector<Project> projects;  // by year, then id
  std::vector<Place> places;
  std::vector<Output> outputs;
  std::vector<std::string> codes;  // the interned codes (contents, kinds, provinces, indicators)
  // Per province code (2025 set, 2008 set): the indexes in `projects` of the projects placed
  // in it, ascending, so that a province's slice is read without scanning the others.
  std::vector<std::vector<std::uint32_t>> in_province_2025, in_province_2008;

  // The code's index, or -1 when no project uses it.
  Code find(const std::string& code) const;
  std::size_t bytes() const;
};

// Loads the facts of every project in one read transaction, a window of project ids at a time
// (a fixed number of queries per window), reporting (done, total) projects as it goes.
Result<ReportFacts> load_report_facts(
    Connection& db, const std::function<void(std::size_t, std::size_t)>& progress = {});

// Whether the facts answer q exactly: every filter of the project list but the free text, the
// area, a single record and an appraiser's scope (which need the database).
bool covers(const ListQuery& q);

// What store::completion and store::plan_breakdown answer for q (covers(q) holds).
Completion completion(const ReportFacts& f, const ListQuery& q);
std::vector<PlanGroup> plan_breakdown(const ReportFacts& f, const ListQuery& q, PlanDimension by);

}  // namespace kc::store
