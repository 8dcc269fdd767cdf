#include "app/planning.h"

#include <charconv>
#include <set>
#include <sstream>

#include "app/checks.h"
#include "app/plan_scenario.h"
#include "domain/tranche.h"
#include "planning/planner.h"
#include "store/decision_repo.h"
#include "store/plan_repo.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using planning::Dim;
using planning::Share;

// Each share of a proposal's amount: equal parts over its provinces (and their regions).
void add_provinces(planning::Candidate& c, const store::CandidateRow& row) {
  if (row.provinces.empty()) return;
  const double part = 1.0 / static_cast<double>(row.provinces.size());
  auto add = [&](Dim d, const std::string& key) {
    auto& list = c.shares[static_cast<std::size_t>(d)];
    for (auto& s : list)
      if (s.key == key) {
        s.fraction += part;
        return;
      }
    list.push_back({key, part});
  };
  for (const auto& p : row.provinces) {
    if (p.set == "2008") add(Dim::province_2008, p.code);
    add(Dim::province_2025, p.province_2025);
    add(Dim::region, p.region);
  }
}

planning::Candidate candidate_of(const store::CandidateRow& row, int year) {
  planning::Candidate c;
  c.id = row.id, c.code = row.code, c.title = row.title, c.request = row.requested;
  // A multi-year point project asks this year's plan for its first tranche only.
  if (row.kind == "point" && row.end_year > year)
    c.request = yearly_tranches(row.requested, year, row.end_year).front().amount;
  c.bundle = row.bundle;
  c.score = row.score_centi ? static_cast<double>(*row.score_centi) / 100 : 0;
  c.passed = row.status == "passed";
  add_provinces(c, row);
  c.shares[static_cast<std::size_t>(Dim::content)] = {{row.content, 1}};
  c.shares[static_cast<std::size_t>(Dim::kind)] = {{row.kind, 1}};
  c.shares[static_cast<std::size_t>(Dim::organization)] = {
      {std::to_string(row.organization_id), 1}};
  for (const auto& f : row.flags) c.shares[static_cast<std::size_t>(Dim::flag)].push_back({f, 1});
  return c;
}

// The keys the register knows for each dimension.
Result<std::vector<std::set<std::string>>> known_keys(store::Connection& db) {
  std::vector<std::set<std::string>> keys(planning::kDimNames.size());
  for (auto [set, d] : {std::pair{"2008", Dim::province_2008}, {"2025", Dim::province_2025}}) {
    auto rows = store::list_provinces(db, set);
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows) keys[static_cast<std::size_t>(d)].insert(r.code);
  }
  for (auto [table, d] : {std::pair{"regions", Dim::region}, {"contents", Dim::content}}) {
    auto t = store::list_reference(db, table);
    if (!t) return std::unexpected(t.error());
    for (const auto& r : (*t)->rows) keys[static_cast<std::size_t>(d)].insert(r.str(0));
  }
  for (auto k : kProjectKinds) keys[static_cast<std::size_t>(Dim::kind)].insert(std::string(k));
  for (auto f : kPriorityFlags) keys[static_cast<std::size_t>(Dim::flag)].insert(std::string(f));
  return keys;
}

Status check_keys(store::Connection& db, const planning::Scenario& s) {
  auto keys = known_keys(db);
  if (!keys) return std::unexpected(keys.error());
  std::vector<FieldError> errors;
  auto check = [&](Dim d, const std::string& key, const std::string& at) {
    if (key == "*" || key.empty()) return;
    bool known = false;
    if (d == Dim::organization) {
      std::int64_t id = 0;
      auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
      known = ec == std::errc{} && end == key.data() + key.size() && id > 0 &&
              store::get_organization(db, id).has_value();
    } else {
      known = (*keys)[static_cast<std::size_t>(d)].contains(key);
    }
    if (!known)
      errors.push_back(
          {at + "key", FieldCode::unknown_key, {{"dimension", std::string(planning::name_of(d))}}});
  };
  for (std::size_t i = 0; i < s.limits.size(); ++i)
    check(s.limits[i].dim, s.limits[i].key, "limits/" + std::to_string(i) + "/");
  for (std::size_t i = 0; i < s.weights.size(); ++i)
    check(s.weights[i].dim, s.weights[i].key, "weights/" + std::to_string(i) + "/");
  return fail_if_any(std::move(errors), "scenario");
}

Status check_forced(const planning::Problem& p) {
  std::set<std::string> passed;
  for (const auto& c : p.candidates)
    if (c.passed) passed.insert(c.code);
  std::vector<FieldError> errors;
  for (auto [list, name] : {std::pair{&p.scenario.force_in, "force_in/"},
                            std::pair{&p.scenario.force_out, "force_out/"}})
    for (std::size_t i = 0; i < list->size(); ++i)
      if (!passed.contains((*list)[i]))
        errors.push_back({name + std::to_string(i),
                          FieldCode::not_candidate,
                          {{"program", p.scenario.program}}});
  return fail_if_any(std::move(errors), "scenario");
}

}  // namespace

Status check_plan_access(store::Connection& db, const Actor& a, const Program& program,
                         Permission p) {
  if (!may(a, p)) return std::unexpected(Error::forbidden());
  // The ministry decides the national plan; a local plan is the province's decision.
  if (p == Permission::decide_plans && a.role == Role::ministry && program.level != "KCQG")
    return std::unexpected(Error::forbidden());
  if (a.role != Role::province) return {};
  // A province plans its own local program only.
  if (program.level != "KCDP" || !program.province) return std::unexpected(Error::forbidden());
  auto f = store::find_province(db, *program.province);
  if (!f) return std::unexpected(f.error());
  if (!*f || (*f)->province_2025 != a.province_2025) return std::unexpected(Error::forbidden());
  return {};
}

namespace {

// The tranches due in the program's year: as earlier decisions recorded them, and for point
// projects imported as running (no decision in the system), the request spread evenly over the
// years the project spans.
Result<std::vector<planning::Commitment>> commitments_of(store::Connection& db,
                                                         const Program& program) {
  std::string province = program.province ? program.province->code : "";
  auto due = store::due_tranches(db, program.level, province, program.year);
  if (!due) return std::unexpected(due.error());
  std::vector<planning::Commitment> out;
  for (const auto& t : *due) out.push_back({t.code, t.amount});
  auto running = store::running_point_projects(db, program, program.year);
  if (!running) return std::unexpected(running.error());
  for (const auto& r : *running)
    for (const auto& t : yearly_tranches(r.requested, r.start.year, r.end.year))
      if (t.year == program.year) out.push_back({r.code, t.amount});
  return out;
}

}  // namespace

Result<planning::Problem> load_problem(store::Connection& db, const Actor& a,
                                       const planning::Scenario& s) {
  auto id = store::find_program_id(db, s.program);
  if (!id) return std::unexpected(id.error());
  if (!*id)
    return std::unexpected(Error::invalid(
        "invalid scenario", {{"program", FieldCode::unknown_program, {{"code", s.program}}}}));
  auto program = store::get_program(db, **id);
  if (!program) return std::unexpected(program.error());
  if (auto st = check_plan_access(db, a, *program, Permission::build_plans); !st)
    return std::unexpected(st.error());
  if (auto st = check_keys(db, s); !st) return std::unexpected(st.error());
  planning::Problem p;
  p.scenario = s;
  p.program_id = program->id;
  p.envelope = s.envelope_vnd.value_or(program->budget_vnd);
  auto rows = store::plan_candidates(db, program->id);
  if (!rows) return std::unexpected(rows.error());
  for (const auto& r : *rows) p.candidates.push_back(candidate_of(r, program->year));
  auto commitments = commitments_of(db, *program);
  if (!commitments) return std::unexpected(commitments.error());
  p.commitments = std::move(*commitments);
  // What the program's earlier decisions (batches, adjustments) already gave is spent too.
  auto decided = store::list_decisions(db, program->id);
  if (!decided) return std::unexpected(decided.error());
  for (const auto& d : *decided)
    if (d.total != 0) p.commitments.push_back({d.number, d.total});
  if (auto st = check_forced(p); !st) return std::unexpected(st.error());
  return p;
}

Result<nlohmann::json> solve_plan(store::Connection& db, const Actor& a,
                                  const nlohmann::json& scenario, const SolveOptions& o) {
  auto s = scenario_from_json(scenario);
  if (!s) return std::unexpected(s.error());
  auto p = load_problem(db, a, *s);
  if (!p) return std::unexpected(p.error());
  auto answer = planning::plan(*p, {o.explain, o.explain_budget_s});
  return to_json(answer, *p);
}

Result<std::string> plan_model(store::Connection& db, const Actor& a,
                               const nlohmann::json& scenario) {
  auto s = scenario_from_json(scenario);
  if (!s) return std::unexpected(s.error());
  auto p = load_problem(db, a, *s);
  if (!p) return std::unexpected(p.error());
  std::ostringstream out;
  planning::write_model(*p, out);
  return out.str();
}

}  // namespace kc::app
