#include "app/dossiers.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/json_reader.h"
#include "app/projects.h"
#include "store/dossier_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json to_json(const Dossier& d, const Project& p) {
  json milestones = json::array(), items = json::array();
  for (const auto& m : d.milestones)
    milestones.push_back({{"date", to_iso(m.date)}, {"description", m.description}});
  for (const auto& c : d.cost_items)
    items.push_back({{"category", c.category},
                     {"description", c.description},
                     {"program_vnd", c.program_vnd},
                     {"counterpart_vnd", c.counterpart_vnd},
                     {"total_vnd", c.program_vnd + c.counterpart_vnd}});
  auto t = totals_of(d.cost_items).value_or(DossierTotals{});
  return {{"project_id", p.id},
          {"project_version", p.version},
          {"objectives", d.objectives},
          {"need", d.need},
          {"legal_basis", d.legal_basis},
          {"activities", d.activities},
          {"location", d.location},
          {"scale", d.scale},
          {"effect", d.effect},
          {"milestones", milestones},
          {"cost_items", items},
          {"totals",
           {{"program_vnd", t.program_vnd},
            {"counterpart_vnd", t.counterpart_vnd},
            {"total_vnd", t.total_vnd}}},
          {"amounts_from_items", !d.cost_items.empty()},
          {"updated_at", d.updated_at.empty() ? json(nullptr) : json(d.updated_at)}};
}

Result<Dossier> stored_or_empty(store::Connection& db, std::int64_t project_id) {
  auto d = store::get_dossier(db, project_id);
  if (!d) return std::unexpected(d.error());
  if (*d) return std::move(**d);
  Dossier empty;
  empty.project_id = project_id;
  return empty;
}

}  // namespace

Result<json> get_dossier(store::Connection& db, const Actor& a, std::int64_t project_id) {
  auto p = get_project(db, a, project_id);
  if (!p) return std::unexpected(p.error());
  auto d = stored_or_empty(db, project_id);
  if (!d) return std::unexpected(d.error());
  return to_json(*d, *p);
}

Result<Dossier> dossier_from_json(const json& j, std::int64_t& version, std::string& reason) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  Dossier d;
  version = r.integer("version", true).value_or(0);
  reason = r.text("reason", false);
  d.objectives = r.text("objectives", false);
  d.need = r.text("need", false);
  d.legal_basis = r.text("legal_basis", false);
  d.activities = r.text("activities", false);
  d.location = r.text("location", false);
  d.scale = r.text("scale", false);
  d.effect = r.text("effect", false);
  if (const json* a = r.array("milestones", false))
    for (size_t i = 0; i < a->size(); ++i) {
      JsonReader m((*a)[i], "milestones/" + std::to_string(i) + "/", errors);
      Milestone ms;
      ms.date = m.date("date", true).value_or(Date{});
      ms.description = m.text("description", true);
      m.finish();
      d.milestones.push_back(std::move(ms));
    }
  if (const json* a = r.array("cost_items", false))
    for (size_t i = 0; i < a->size(); ++i) {
      JsonReader c((*a)[i], "cost_items/" + std::to_string(i) + "/", errors);
      CostItem item;
      item.category = c.text("category", true);
      item.description = c.text("description", true);
      item.program_vnd = c.integer("program_vnd", true).value_or(0);
      item.counterpart_vnd = c.integer("counterpart_vnd", true).value_or(0);
      c.finish();
      d.cost_items.push_back(std::move(item));
    }
  r.finish();
  if (!errors.empty()) return std::unexpected(Error::invalid("invalid dossier", errors));
  return d;
}

Result<json> put_dossier(store::Connection& db, const Actor& a, Dossier d, std::int64_t version,
                         const std::string& reason) {
  if (!may(a, Permission::write_projects)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto p = get_project(db, a, d.project_id);
    if (!p) return std::unexpected(p.error());
    if (auto s = fail_if_any(validate(d, p->start, p->end), "dossier"); !s)
      return std::unexpected(s.error());
    std::stable_sort(d.milestones.begin(), d.milestones.end(),
                     [](const Milestone& x, const Milestone& y) { return x.date < y.date; });
    auto before = stored_or_empty(db, d.project_id);
    if (!before) return std::unexpected(before.error());
    // The items first: the project's write then checks its amounts against them.
    if (auto s = store::replace_dossier(db, d); !s) return std::unexpected(s.error());
    Project changed = *p;
    changed.version = version;
    if (!d.cost_items.empty()) {
      auto t = *totals_of(d.cost_items);
      changed.requested_vnd = t.program_vnd;
      changed.counterpart_vnd = t.counterpart_vnd;
      changed.total_vnd = t.total_vnd;
    }
    auto u = write_project_update(db, a, changed);
    if (!u) return std::unexpected(u.error());
    json old_view = to_json(*before, u->previous), new_view = to_json(d, u->stored);
    if (auto s = audit(db, a, "projects", d.project_id, "dossier", old_view, new_view, reason); !s)
      return std::unexpected(s.error());
    return new_view;
  });
}

}  // namespace kc::app
