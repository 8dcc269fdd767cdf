#pragma once
// The plan builder's one entry point: solve the scenario exactly, compute the baselines, and
// explain every choice (why each proposal left out is out, what forcing it in would cost, what
// dropping each funded one would cost), or name the limits that conflict when nothing fits.
#include <ostream>

#include "planning/core.h"
#include "planning/mip.h"
#include "planning/model.h"

namespace kc::planning {

struct PlanOptions {
  bool explain = true;
  double explain_budget_s = 30;  // explanations stop (explained = false) past this
};

Answer plan(const Problem& p, const PlanOptions& o = {}, MipSolver& solver = core_solver());

// The scenario's model as an LP file, for checking a plan with another solver.
void write_model(const Problem& p, std::ostream& out);

}  // namespace kc::planning
