#pragma once
// Plan decisions and their items (migration 008). Decisions are only ever inserted.
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "store/db.h"

namespace kc::store {

struct DecisionItem {
  std::int64_t project_id = 0;
  Vnd amount = 0;
  // Filled on reading and by insert_decision: the project's code, content and the region of
  // its main province.
  std::string code, content, region;
};

// A later year's tranche of a multi-year point project, set by the decision that funded it.
struct DecisionTranche {
  std::int64_t project_id = 0;
  int year = 0;
  Vnd amount = 0;
  std::string code;  // filled on reading
};

struct Decision {
  std::int64_t id = 0, program_id = 0, batch = 1, created_by = 0;
  std::optional<std::int64_t> scenario_id;
  std::string kind, number, signed_on, signer, reason, created_at;
  Vnd total = 0;
  std::vector<DecisionItem> items;
  std::vector<DecisionTranche> tranches;
};

// Fills in d.id and d.created_at.
Result<std::int64_t> insert_decision(Connection& db, Decision& d);
// The program's decisions in the order they were made, with their items.
Result<std::vector<Decision>> list_decisions(Connection& db, std::int64_t program_id);
// The same without their items and tranches (a report's list of decisions).
Result<std::vector<Decision>> list_decision_heads(Connection& db, std::int64_t program_id);
// The program a decision belongs to (not_found when there is no such decision).
Result<std::int64_t> decision_program(Connection& db, std::int64_t id);
Result<bool> decision_number_taken(Connection& db, std::int64_t program_id,
                                   const std::string& number);

// What each decision gave or took from one project, oldest first.
struct ProjectDecision {
  std::int64_t decision_id = 0;
  std::string kind, number, signed_on;
  Vnd amount = 0;
};
Result<std::vector<ProjectDecision>> project_decisions(Connection& db, std::int64_t project_id);

// The projects a decision names, each with its current amount over every decision.
struct DecidedProject {
  std::int64_t project_id = 0;
  Vnd current = 0;
};
Result<std::vector<DecidedProject>> decision_projects(Connection& db, std::int64_t decision_id);

// The program's projects by code: id, code, requested program funds and kind.
struct ProjectRequest {
  std::int64_t id = 0;
  std::string code;
  Vnd requested = 0;
  std::string kind;
};
Result<std::vector<ProjectRequest>> program_requests(Connection& db, std::int64_t program_id);

// Decided money summed by year, programme level, content and region (the main province's),
// over the programmes of years from..to.
struct RollupRow {
  std::int64_t year = 0;
  std::string level, content, region;
  std::int64_t projects = 0;
  Vnd amount = 0;
};
Result<std::vector<RollupRow>> decided_rollup(Connection& db, int from, int to);

// The tranches due in a program's year from decisions of earlier programs at its level (and
// province), for projects still in the plan: commitments of the program's plan.
struct DueTranche {
  std::string code;
  Vnd amount = 0;
};
Result<std::vector<DueTranche>> due_tranches(Connection& db, const std::string& level,
                                             const std::string& province, int year);
// Every later-year tranche recorded for one project, with the decision that set it, oldest
// first.
struct ProjectTranche {
  int year = 0;
  Vnd amount = 0;
  std::string decision;  // its number
};
Result<std::vector<ProjectTranche>> project_tranches(Connection& db, std::int64_t project_id);

// The books: the sum of the program's decision totals and the sum of its projects' items.
struct Books {
  Vnd decisions = 0, projects = 0;
};
Result<Books> program_books(Connection& db, std::int64_t program_id);

}  // namespace kc::store
