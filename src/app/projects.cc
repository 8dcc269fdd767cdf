#include "app/projects.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/priority_flags.h"
#include "app/reference.h"
#include "app/register.h"
#include "domain/validation.h"
#include "store/contract_repo.h"
#include "store/dossier_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

// A reference to an organization or facility: it must exist and, for a scoped user, lie in
// the user's province. Both failures read the same, so that the answer never tells whether
// an id outside the scope exists.
Status check_place_ref(ProjectLookups& lookups, const Actor& a, const char* table, std::int64_t id,
                       const std::string& field, std::vector<FieldError>& errors) {
  auto province = lookups.place_province(table, id);
  if (!province) return std::unexpected(province.error());
  Scope s = place_scope(a);
  bool visible = *province && (s.all || (!s.none && **province == s.province_2025));
  if (!visible) errors.push_back({field, FieldCode::no_such_record, {{"id", std::to_string(id)}}});
  return {};
}

Status check_references(store::Connection& db, ProjectLookups& lookups, const Actor& a,
                        const Project& p, const Project* previous,
                        std::vector<FieldError>& errors) {
  auto program = lookups.program(p.program_id);
  if (!program) return std::unexpected(program.error());
  if (!*program)
    errors.push_back({"program_id", FieldCode::unknown_program});
  else if ((*program)->year != p.year && p.kind != "point")
    errors.push_back(
        {"year", FieldCode::program_year, {{"year", std::to_string((*program)->year)}}});

  bool content_unchanged = previous && previous->content_code == p.content_code;
  auto content = store::find_content(db, p.content_code);
  if (!content) return std::unexpected(content.error());
  if (!*content) {
    errors.push_back({"content_code", FieldCode::unknown_content});
  } else if (!content_unchanged) {
    std::string first = std::to_string(p.year) + "-01-01", last = std::to_string(p.year) + "-12-31";
    if ((*content)->valid_from > last ||
        (!(*content)->valid_to.empty() && (*content)->valid_to < first))
      errors.push_back({"content_code",
                        FieldCode::content_not_in_force,
                        {{"year", std::to_string(p.year)},
                         {"from", (*content)->valid_from},
                         {"to", (*content)->valid_to.empty() ? "now" : (*content)->valid_to}}});
  }
  if (auto s = check_place_ref(lookups, a, "organizations", p.implementing_org_id,
                               "implementing_org_id", errors);
      !s)
    return s;
  for (size_t i = 0; i < p.beneficiary_ids.size(); ++i)
    if (auto s = check_place_ref(lookups, a, "facilities", p.beneficiary_ids[i],
                                 "beneficiary_ids/" + std::to_string(i), errors);
        !s)
      return s;
  for (size_t i = 0; i < p.cooperating_org_ids.size(); ++i)
    if (auto s = check_place_ref(lookups, a, "organizations", p.cooperating_org_ids[i],
                                 "cooperating_org_ids/" + std::to_string(i), errors);
        !s)
      return s;
  for (size_t i = 0; i < p.outputs.size(); ++i) {
    auto ok = store::indicator_exists(db, p.outputs[i].indicator);
    if (!ok) return std::unexpected(ok.error());
    if (!*ok)
      errors.push_back(
          {"outputs/" + std::to_string(i) + "/indicator", FieldCode::unknown_indicator});
  }
  if (auto s = check_amount_ceiling(db,
                                    {{"requested_vnd", p.requested_vnd},
                                     {"counterpart_vnd", p.counterpart_vnd},
                                     {"total_vnd", p.total_vnd}},
                                    errors);
      !s)
    return s;
  auto taken = lookups.code_taken(p.code, p.id);
  if (!taken) return std::unexpected(taken.error());
  if (*taken) errors.push_back({"code", FieldCode::code_taken});
  return {};
}

}  // namespace

Result<std::vector<store::ProvinceFacts>> check_project(store::Connection& db, const Actor& a,
                                                        const Project& p, const Project* previous) {
  ProjectLookups lookups(db, false);
  return check_project(db, lookups, a, p, previous);
}

Result<std::vector<store::ProvinceFacts>> check_project(store::Connection& db,
                                                        ProjectLookups& lookups, const Actor& a,
                                                        const Project& p, const Project* previous) {
  auto errors = validate(p);
  std::vector<store::ProvinceFacts> facts;
  for (size_t i = 0; i < p.provinces.size() && errors.empty(); ++i) {
    auto f = province_facts(db, p.provinces[i], "provinces/" + std::to_string(i), errors);
    if (!f) return std::unexpected(f.error());
    if (*f) facts.push_back(**f);
  }
  if (auto s = check_references(db, lookups, a, p, previous, errors); !s)
    return std::unexpected(s.error());
  if (auto s = fail_if_any(std::move(errors), "project"); !s) return std::unexpected(s.error());
  return facts;
}

Status check_write_scope(const Actor& a, const Project& p,
                         const std::vector<store::ProvinceFacts>& facts) {
  Scope s = project_scope(a);
  if (s.all) return {};
  std::vector<FieldError> errors;
  if (!s.province_2025.empty()) {
    for (size_t i = 0; i < facts.size(); ++i)
      if (facts[i].province_2025 != s.province_2025)
        errors.push_back({"provinces/" + std::to_string(i), FieldCode::own_province});
  }
  if (s.organization_id > 0 && p.implementing_org_id != s.organization_id)
    errors.push_back({"implementing_org_id", FieldCode::own_organization});
  return fail_if_any(std::move(errors), "project");
}

// The score comes from the ministry council's conclusion; only an operator's import sets it.
void keep_score(const Actor& a, Project& p, const Project* previous) {
  if (a.role == Role::system) return;
  p.score_centi = previous ? previous->score_centi : std::nullopt;
}

Status check_status_unchanged(const Actor& a, const Project& p, const Project* previous) {
  // Statuses move only through workflow actions, decisions and contracts; an operator's
  // import (the system actor) may set any, and its audit row says it was an import.
  if (a.role == Role::system) return {};
  std::string_view expected = previous ? std::string_view(previous->status) : "draft";
  if (p.status == expected) return {};
  return fail_if_any({{"status", FieldCode::status_by_action, {{"status", std::string(expected)}}}},
                     "project");
}

namespace {

// A project whose dossier itemizes its costs takes its amounts from the items: a write that
// types others is refused, naming the sum.
Status check_cost_sums(store::Connection& db, const Project& p) {
  auto t = store::cost_totals(db, p.id);
  if (!t) return std::unexpected(t.error());
  if (!*t) return {};
  std::vector<FieldError> errors;
  if (p.requested_vnd != (*t)->program_vnd)
    errors.push_back(
        {"requested_vnd", FieldCode::cost_items_sum, {{"sum", std::to_string((*t)->program_vnd)}}});
  if (p.counterpart_vnd != (*t)->counterpart_vnd)
    errors.push_back({"counterpart_vnd",
                      FieldCode::cost_items_sum,
                      {{"sum", std::to_string((*t)->counterpart_vnd)}}});
  return fail_if_any(std::move(errors), "project");
}

Result<Project> scoped_get(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_projects)) return std::unexpected(Error::forbidden());
  Scope s = project_scope(a);
  if (!s.all) {
    ListQuery q;
    apply_scope(q, s);
    q.id = id;
    q.page_size = 1;
    auto page = store::list_projects(db, q);
    if (!page) return std::unexpected(page.error());
    if (page->total == 0) return std::unexpected(Error::not_found("project not found"));
  }
  return store::get_project(db, id);
}

}  // namespace

Result<std::int64_t> insert_project_checked(store::Connection& db, const Actor& a,
                                            const Project& p) {
  if (!may(a, Permission::write_projects)) return std::unexpected(Error::forbidden());
  Project fresh = p;
  fresh.id = 0;
  keep_score(a, fresh, nullptr);
  if (auto s = check_status_unchanged(a, fresh, nullptr); !s) return std::unexpected(s.error());
  ProjectLookups lookups(db, false);
  auto facts = check_project(db, lookups, a, fresh, nullptr);
  if (!facts) return std::unexpected(facts.error());
  if (auto s = settle_priority_flags(lookups, fresh, *facts); !s) return std::unexpected(s.error());
  if (auto s = check_write_scope(a, fresh, *facts); !s) return std::unexpected(s.error());
  auto id = store::insert_project(db, fresh, *facts);
  if (!id) return id;
  fresh.id = *id, fresh.version = 1;
  if (auto s = audit(db, a, "projects", *id, "create", nullptr, to_json(fresh)); !s)
    return std::unexpected(s.error());
  return id;
}

Result<Project> create_project(store::Connection& db, const Actor& a, const Project& p) {
  return in_write_tx(db, [&]() -> Result<Project> {
    auto id = insert_project_checked(db, a, p);
    if (!id) return std::unexpected(id.error());
    return store::get_project(db, *id);
  });
}

Result<ProjectUpdate> write_project_update(store::Connection& db, const Actor& a,
                                           const Project& changed) {
  if (!may(a, Permission::write_projects)) return std::unexpected(Error::forbidden());
  auto previous = scoped_get(db, a, changed.id);
  if (!previous) return std::unexpected(previous.error());
  if (previous->version != changed.version)
    return std::unexpected(store::stale_or_missing(db, "projects", changed.id));
  if (previous->status == "cancelled")
    return std::unexpected(conflict("cancelled", "a cancelled project cannot be edited"));
  if (!may_edit(a, *previous))
    return std::unexpected(
        conflict("past_registration", "the project is " + previous->status +
                                          "; only the department can change it, before its end"));
  Project p = changed;
  if (p.status.empty()) p.status = previous->status;
  keep_score(a, p, &*previous);
  if (auto s = check_status_unchanged(a, p, &*previous); !s) return std::unexpected(s.error());
  if (auto s = check_cost_sums(db, p); !s) return std::unexpected(s.error());
  ProjectLookups lookups(db, false);
  auto facts = check_project(db, lookups, a, p, &*previous);
  if (!facts) return std::unexpected(facts.error());
  if (auto s = settle_priority_flags(lookups, p, *facts); !s) return std::unexpected(s.error());
  if (auto s = check_write_scope(a, p, *facts); !s) return std::unexpected(s.error());
  if (auto s = store::update_project(db, p, *facts); !s) return std::unexpected(s.error());
  auto stored = store::get_project(db, p.id);
  if (!stored) return std::unexpected(stored.error());
  return ProjectUpdate{std::move(*previous), std::move(*stored)};
}

Result<Project> update_project(store::Connection& db, const Actor& a, const Project& changed,
                               const std::string& reason) {
  return in_write_tx(db, [&]() -> Result<Project> {
    auto u = write_project_update(db, a, changed);
    if (!u) return std::unexpected(u.error());
    if (auto s = audit(db, a, "projects", changed.id, "update", to_json(u->previous),
                       to_json(u->stored), reason);
        !s)
      return std::unexpected(s.error());
    return std::move(u->stored);
  });
}

bool may_edit(const Actor& a, const Project& p) {
  if (a.role == Role::system) return true;
  if (!may(a, Permission::write_projects)) return false;
  return project_scope(a).all ? department_may_edit(p.status) : filer_may_edit(p.status);
}

Result<Project> get_project(store::Connection& db, const Actor& a, std::int64_t id) {
  return scoped_get(db, a, id);
}

Result<Page<ProjectListItem>> list_projects(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_projects)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  return store::list_projects(db, q);
}

Result<Project> cancel_project(store::Connection& db, const Actor& a, std::int64_t id,
                               std::int64_t version, const std::string& reason) {
  if (!may(a, Permission::write_projects)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<Project> {
    auto p = scoped_get(db, a, id);
    if (!p) return std::unexpected(p.error());
    if (p->version != version) return std::unexpected(store::stale_or_missing(db, "projects", id));
    if (p->status == "cancelled")
      return std::unexpected(conflict("cancelled", "the project is already cancelled"));
    if (!project_scope(a).all && !filer_may_edit(p->status))
      return std::unexpected(
          conflict("past_registration",
                   "the project is past registration; only the department can cancel it"));
    // Under a contract, the contract ends first (its termination cancels the project).
    auto contracts = store::project_contracts(db, id);
    if (!contracts) return std::unexpected(contracts.error());
    for (const auto& c : *contracts)
      if (c.level == "implementation" && c.status != "terminated")
        return std::unexpected(conflict(
            "has_contract", p->code + " is under contract " + c.number +
                                ": terminate the contract (with its reason) to cancel it"));
    if (auto s = store::set_project_status(db, id, version, "cancelled"); !s)
      return std::unexpected(s.error());
    auto stored = store::get_project(db, id);
    if (!stored) return stored;
    if (auto s = audit(db, a, "projects", id, "cancel", to_json(*p), to_json(*stored), reason); !s)
      return std::unexpected(s.error());
    return stored;
  });
}

Result<nlohmann::json> project_history(store::Connection& db, const Actor& a, std::int64_t id) {
  auto p = scoped_get(db, a, id);
  if (!p) return std::unexpected(p.error());
  auto h = store::audit_history(db, "projects", id);
  if (!h) return std::unexpected(h.error());
  return history_json(*h);
}

}  // namespace kc::app

namespace kc::app {

Result<nlohmann::json> project_statistics(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_projects)) return std::unexpected(Error::forbidden());
  apply_scope(q, project_scope(a));
  return project_totals_json(db, q);
}

}  // namespace kc::app
