#pragma once
// What the plan builder reads from the register: the candidates of a program (its passed
// proposals, and the members of their bundles whatever their status) and the running point
// projects whose later tranches are commitments of a plan year.
#include <optional>
#include <string>
#include <vector>

#include "domain/project.h"
#include "store/db.h"

namespace kc::store {

struct CandidateProvince {
  std::string set, code, province_2025, region;
};

struct CandidateRow {
  std::int64_t id = 0;
  std::string code, title, content, kind, bundle, status;
  std::optional<std::int64_t> score_centi;
  Vnd requested = 0;
  int end_year = 0;  // a point project ending after the program's year is planned in tranches
  std::int64_t organization_id = 0;
  std::vector<CandidateProvince> provinces;  // the first is the main province
  std::vector<std::string> flags;
};
Result<std::vector<CandidateRow>> plan_candidates(Connection& db, std::int64_t program_id);

// Point projects of programs at the same level (and province, for local programs) that were
// approved before `year` and run into it, with no tranches recorded by a decision (imported as
// already running).
struct RunningProject {
  std::string code;
  Vnd requested = 0;
  Date start, end;
};
Result<std::vector<RunningProject>> running_point_projects(Connection& db, const Program& p,
                                                           int year);

// A saved scenario: its document and the result it had when saved (both JSON text).
struct SavedScenario {
  std::int64_t id = 0, program_id = 0, created_by = 0, version = 0;
  std::string name, body, result, created_at, updated_at;
};
Result<std::int64_t> insert_scenario(Connection& db, const SavedScenario& s);
// Replaces name, body and result when `version` is current (else a version conflict).
Status update_scenario(Connection& db, const SavedScenario& s);
Result<SavedScenario> get_scenario(Connection& db, std::int64_t id);
// The program's scenarios (0: every program's), newest first, without their results.
Result<std::vector<SavedScenario>> list_scenarios(Connection& db, std::int64_t program_id);
Result<bool> scenario_name_taken(Connection& db, std::int64_t program_id, const std::string& name,
                                 std::int64_t except_id);

}  // namespace kc::store
