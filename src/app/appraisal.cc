#include "app/appraisal.h"

#include <set>

#include "app/audit.h"
#include "app/checks.h"
#include "domain/project.h"
#include "store/account_repo.h"
#include "store/appraisal_repo.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

bool department_like(const Actor& a) {
  return a.role == Role::department || a.role == Role::system;
}

// Fills what the request left unset from the dated settings of the registration year.
Status apply_defaults(store::Connection& db, Round& r) {
  Date jan1{r.year - 1, 1, 1};
  if (!is_valid(r.opens_on)) r.opens_on = jan1;
  if (!is_valid(r.closes_on)) {
    auto mmdd = store::rule_text(db, "registration_deadline", to_iso(jan1));
    if (!mmdd) return std::unexpected(mmdd.error());
    std::string day = *mmdd ? (*mmdd)->value : "05-20";
    r.closes_on =
        parse_date(std::to_string(r.year - 1) + "-" + day).value_or(Date{r.year - 1, 5, 20});
  }
  if (!is_valid(r.forward_by)) {
    auto days = dated_setting(db, "province_forwarding_days", r.closes_on, 30);
    if (!days) return std::unexpected(days.error());
    r.forward_by = add_days(r.closes_on, static_cast<int>(*days));
  }
  if (!r.pass_mark) {
    auto v = dated_setting(db, "appraisal_pass_mark", r.closes_on, 50);
    if (!v) return std::unexpected(v.error());
    r.pass_mark = *v;
  }
  if (!r.trim_extremes) {
    auto v = dated_setting(db, "appraisal_trim_extremes", r.closes_on, 0);
    if (!v) return std::unexpected(v.error());
    r.trim_extremes = *v != 0;
  }
  if (!r.outlier_points) {
    auto v = dated_setting(db, "appraisal_outlier_points", r.closes_on, 20);
    if (!v) return std::unexpected(v.error());
    r.outlier_points = *v;
  }
  if (r.criteria.empty()) r.criteria = default_criteria();
  return {};
}

Status check_round(const Round& r) {
  std::vector<FieldError> e;
  if (r.closes_on < r.opens_on) e.push_back({"closes_on", FieldCode::before_start});
  if (r.forward_by < r.closes_on) e.push_back({"forward_by", FieldCode::before_start});
  if (*r.pass_mark < 0) e.push_back({"pass_mark", FieldCode::negative});
  if (*r.outlier_points < 0) e.push_back({"outlier_points", FieldCode::negative});
  std::set<std::string> codes;
  std::int64_t max_total = 0;
  for (std::size_t i = 0; i < r.criteria.size(); ++i) {
    const auto& c = r.criteria[i];
    std::string at = "criteria/" + std::to_string(i) + "/";
    if (c.code.empty()) e.push_back({at + "code", FieldCode::not_empty});
    if (!codes.insert(c.code).second) e.push_back({at + "code", FieldCode::listed_twice});
    if (c.max_points < 1 || c.max_points > 1000)
      e.push_back({at + "max_points", FieldCode::between, {{"min", "1"}, {"max", "1000"}}});
    if (c.floor_points && (*c.floor_points < 0 || *c.floor_points > c.max_points))
      e.push_back({at + "floor_points",
                   FieldCode::between,
                   {{"min", "0"}, {"max", std::to_string(c.max_points)}}});
    max_total += c.max_points;
  }
  if (*r.pass_mark > max_total)
    e.push_back(
        {"pass_mark", FieldCode::between, {{"min", "0"}, {"max", std::to_string(max_total)}}});
  return fail_if_any(std::move(e), "round");
}

// Which councils the user may see: the department and ministry all; a province the councils
// of its own province; an appraiser those they sit on.
bool sees_council(const Actor& a, const Council& c) {
  switch (a.role) {
    case Role::system:
    case Role::department:
    case Role::ministry:
      return true;
    case Role::province:
      return c.level == "province" && c.province_2025 == a.province_2025;
    case Role::appraiser:
      for (const auto& m : c.members)
        if (m.user_id == a.user_id) return true;
      return false;
    default:
      return false;
  }
}

}  // namespace

Status check_members(store::Connection& db, const std::vector<CouncilMember>& members,
                     std::vector<FieldError>& e) {
  int chairs = 0;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const auto& m = members[i];
    std::string at = "members/" + std::to_string(i) + "/";
    if (!is_one_of(m.role, kMemberRoles))
      e.push_back({at + "role", FieldCode::one_of, {{"allowed", list_of(kMemberRoles)}}});
    chairs += m.role == "chair";
    if (!seen.insert(m.user_id).second) e.push_back({at + "user_id", FieldCode::listed_twice});
    auto u = store::get_user(db, m.user_id);
    if (!u && u.error().kind != ErrorKind::not_found) return std::unexpected(u.error());
    if (!u)
      e.push_back({at + "user_id", FieldCode::no_such_record});
    else if (u->role != "appraiser" || u->disabled)
      e.push_back({at + "user_id", FieldCode::not_appraiser});
  }
  if (chairs != 1) e.push_back({"members", FieldCode::one_chair});
  return {};
}

Result<std::vector<Round>> list_rounds(store::Connection& db, const Actor& a,
                                       std::int64_t program_id, int year) {
  if (!may(a, Permission::read_rounds)) return std::unexpected(Error::forbidden());
  return store::list_rounds(db, program_id, year);
}

Result<Round> get_round(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_rounds)) return std::unexpected(Error::forbidden());
  return store::get_round(db, id);
}

Result<Round> create_round(store::Connection& db, const Actor& a, Round r) {
  if (!may(a, Permission::manage_rounds)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<Round> {
    auto program = store::get_program(db, r.program_id);
    if (!program) {
      if (program.error().kind != ErrorKind::not_found) return std::unexpected(program.error());
      return std::unexpected(
          Error::invalid("unknown program", {{"program_id", FieldCode::no_such_record}}));
    }
    if (program->year != r.year)
      return std::unexpected(Error::invalid(
          "the round's year is not the program's",
          {{"year", FieldCode::program_year, {{"year", std::to_string(program->year)}}}}));
    auto existing = store::find_round(db, r.program_id, r.year);
    if (!existing) return std::unexpected(existing.error());
    if (*existing)
      return std::unexpected(conflict(
          "round_exists", "the program already has a round for " + std::to_string(r.year)));
    if (auto s = apply_defaults(db, r); !s) return std::unexpected(s.error());
    if (auto s = check_round(r); !s) return std::unexpected(s.error());
    auto id = store::insert_round(db, r);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_round(db, *id);
    if (!stored) return stored;
    if (auto s = audit(db, a, "rounds", *id, "create", nullptr, to_json(*stored)); !s)
      return std::unexpected(s.error());
    return stored;
  });
}

Result<Round> update_round(store::Connection& db, const Actor& a, const Round& changed) {
  if (!may(a, Permission::manage_rounds)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<Round> {
    auto before = store::get_round(db, changed.id);
    if (!before) return before;
    if (before->version != changed.version)
      return std::unexpected(store::stale_or_missing(db, "rounds", changed.id));
    Round r = changed;
    r.program_id = before->program_id, r.year = before->year;
    if (!r.pass_mark) r.pass_mark = before->pass_mark;
    if (!r.trim_extremes) r.trim_extremes = before->trim_extremes;
    if (!r.outlier_points) r.outlier_points = before->outlier_points;
    if (r.criteria.empty()) r.criteria = before->criteria;
    if (r.criteria != before->criteria) {
      auto scored = store::round_has_scores(db, r.id);
      if (!scored) return std::unexpected(scored.error());
      if (*scored)
        return std::unexpected(conflict(
            "criteria_frozen", "members have started scoring; the criteria can no longer change"));
    }
    if (auto s = check_round(r); !s) return std::unexpected(s.error());
    if (auto s = store::update_round(db, r); !s) return std::unexpected(s.error());
    auto stored = store::get_round(db, r.id);
    if (!stored) return stored;
    if (auto s = audit(db, a, "rounds", r.id, "update", to_json(*before), to_json(*stored)); !s)
      return std::unexpected(s.error());
    return stored;
  });
}

Result<std::vector<Council>> list_councils(store::Connection& db, const Actor& a,
                                           std::int64_t round_id) {
  if (!may(a, Permission::read_rounds)) return std::unexpected(Error::forbidden());
  auto all = store::list_councils(db, round_id);
  if (!all) return all;
  std::vector<Council> out;
  for (auto& c : *all)
    if (sees_council(a, c)) out.push_back(std::move(c));
  return out;
}

Result<Council> get_council(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_rounds)) return std::unexpected(Error::forbidden());
  auto c = store::get_council(db, id);
  if (!c) return c;
  if (!sees_council(a, *c)) return std::unexpected(Error::not_found("council not found"));
  return c;
}

Result<Council> create_council(store::Connection& db, const Actor& a, const Council& c) {
  if (!may(a, Permission::manage_councils)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<Council> {
    auto round = store::get_round(db, c.round_id);
    if (!round) return std::unexpected(round.error());
    std::vector<FieldError> e;
    if (!is_one_of(c.level, kCouncilLevels))
      e.push_back({"level", FieldCode::one_of, {{"allowed", list_of(kCouncilLevels)}}});
    if (c.level == "province" && c.province_2025.empty())
      e.push_back({"province", FieldCode::required_for, {{"what", "a province council"}}});
    if (c.level == "ministry" && !c.province_2025.empty())
      e.push_back({"province", FieldCode::must_be_empty, {{"what", "a ministry council"}}});
    if (c.name.empty()) e.push_back({"name", FieldCode::not_empty});
    if (!department_like(a) && (c.level != "province" || c.province_2025 != a.province_2025))
      e.push_back({"province", FieldCode::own_province});
    if (auto s = check_members(db, c.members, e); !s) return std::unexpected(s.error());
    if (auto s = fail_if_any(std::move(e), "council"); !s) return std::unexpected(s.error());
    if (c.level == "province") {
      auto p = store::find_province(db, {"2025", c.province_2025});
      if (!p) return std::unexpected(p.error());
      if (!*p)
        return std::unexpected(
            Error::invalid("unknown province", {{"province", FieldCode::unknown_province}}));
    }
    auto id = store::insert_council(db, c);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_council(db, *id);
    if (!stored) return stored;
    if (auto s = audit(db, a, "councils", *id, "create", nullptr, to_json(*stored)); !s)
      return std::unexpected(s.error());
    return stored;
  });
}

}  // namespace kc::app
