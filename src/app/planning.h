#pragma once
// The plan builder as use cases: a scenario document in, the register's candidates loaded
// and checked (the program exists and the user may plan it; every limit and weight names a
// key the register knows; forced proposals are passed candidates), the exact allocation out.
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/project.h"
#include "planning/model.h"
#include "store/db.h"

namespace kc::app {

// Whether the user may read (read_plans) or build (build_plans) the program's plans: the
// ministry and the department every program's, a province its own local program's.
Status check_plan_access(store::Connection& db, const Actor& a, const Program& program,
                         Permission p);

// The scenario resolved against the register: envelope, commitments, candidates.
Result<planning::Problem> load_problem(store::Connection& db, const Actor& a,
                                       const planning::Scenario& s);

struct SolveOptions {
  bool explain = true;
  double explain_budget_s = 30;
};

// Reads the scenario document, solves it, and answers with the result document.
Result<nlohmann::json> solve_plan(store::Connection& db, const Actor& a,
                                  const nlohmann::json& scenario, const SolveOptions& o = {});

// The scenario's model as an LP file's text.
Result<std::string> plan_model(store::Connection& db, const Actor& a,
                               const nlohmann::json& scenario);

}  // namespace kc::app
