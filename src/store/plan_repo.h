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
  std::string code, content, kind, bundle, status;
  std::optional<std::int64_t> score_centi;
  Vnd requested = 0;
  std::int64_t organization_id = 0;
  std::vector<CandidateProvince> provinces;  // the first is the main province
  std::vector<std::string> flags;
};
Result<std::vector<CandidateRow>> plan_candidates(Connection& db, std::int64_t program_id);

// Point projects of programs at the same level (and province, for local programs) that were
// approved before `year` and run into it.
struct RunningProject {
  std::string code;
  Vnd requested = 0;
  Date start, end;
};
Result<std::vector<RunningProject>> running_point_projects(Connection& db, const Program& p,
                                                           int year);

}  // namespace kc::store
