#include "app/clusters.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/cluster_reports.h"
#include "app/codec.h"
#include "app/hectares.h"
#include "app/json_reader.h"
#include "app/workflow.h"
#include "domain/cluster_checks.h"
#include "domain/date.h"
#include "store/cluster_repo.h"
#include "store/project_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json cluster_view(const store::Cluster& c) {
  auto date = [](const std::string& d) { return d.empty() ? json(nullptr) : json(d); };
  return {{"id", c.id},
          {"code", c.code},
          {"name", c.name},
          {"province", to_json(c.province)},
          {"province_2025", c.province_2025},
          {"region_code", c.region_code},
          {"commune", c.commune},
          {"status", c.status},
          {"established_on", date(c.established_on)},
          {"special_area", c.special_area},
          {"area_ha", ha(c.area)},
          {"industrial_land_ha", ha(c.industrial_land)},
          {"leased_land_ha", ha(c.leased)},
          {"occupancy_pct", occupancy_pct_1(c.leased, c.industrial_land)},
          {"demand_exceeds_land", c.demand_exceeds_land},
          {"investor", c.investor},
          {"plan_approved_on", date(c.plan_approved_on)},
          {"roads_done", c.roads_done},
          {"water_done", c.water_done},
          {"wastewater_done", c.wastewater_done},
          {"tenants", c.tenants},
          {"workers", c.workers},
          {"version", c.version}};
}

store::Cluster read_cluster(const json& body, bool for_update, std::vector<FieldError>& errors,
                            std::vector<std::int64_t>& projects) {
  JsonReader r(body, "", errors);
  store::Cluster c;
  if (for_update) {
    c.version = r.integer("version", true).value_or(0);
    r.ignore("reason");
  } else if (r.has("version")) {
    r.error("version", FieldCode::server_set);
  }
  for (const char* ro : {"id", "province_2025", "region_code", "occupancy_pct"}) r.ignore(ro);
  c.code = r.text("code", true), c.name = r.text("name", true);
  c.commune = r.text("commune", false), c.investor = r.text("investor", false);
  c.status = r.text("status", true);
  if (!c.status.empty() && c.status != "in_list" && c.status != "established" &&
      c.status != "expanded" && c.status != "operating")
    r.error("status", FieldCode::one_of,
            {{"allowed", "in_list, established, expanded, operating"}});
  if (const json* p = r.object("province", true)) {
    JsonReader pr(*p, "province/", errors);
    c.province = {pr.text("set", true), pr.text("code", true)};
    pr.finish();
  }
  auto date = [&](const char* key) {
    auto d = r.date(key, false);
    return d ? to_iso(*d) : std::string();
  };
  c.established_on = date("established_on"), c.plan_approved_on = date("plan_approved_on");
  c.special_area = r.boolean("special_area");
  c.demand_exceeds_land = r.boolean("demand_exceeds_land");
  c.roads_done = r.boolean("roads_done"), c.water_done = r.boolean("water_done");
  c.wastewater_done = r.boolean("wastewater_done");
  c.area = read_centiha(r, "area_ha", true);
  c.industrial_land = read_centiha(r, "industrial_land_ha", true);
  c.leased = read_centiha(r, "leased_land_ha", true);
  c.tenants = r.integer("tenants", false).value_or(0);
  c.workers = r.integer("workers", false).value_or(0);
  if (c.tenants < 0) r.error("tenants", FieldCode::negative);
  if (c.workers < 0) r.error("workers", FieldCode::negative);
  if (!for_update)
    projects = r.ids("project_ids", false);
  else
    r.ignore("project_ids");
  if (c.industrial_land > c.area)
    r.error("industrial_land_ha", FieldCode::between, {{"min", "0"}, {"max", hectares(c.area)}});
  if (c.leased > c.industrial_land)
    r.error("leased_land_ha", FieldCode::between,
            {{"min", "0"}, {"max", hectares(c.industrial_land)}});
  r.finish();
  return c;
}

// The rules in force on the cluster's establishment date (today when not yet established).
Result<ClusterRules> rules_for(store::Connection& db, const store::Cluster& c) {
  const std::string on = c.established_on.empty() ? vietnam_today_iso() : c.established_on;
  ClusterRules rules;
  for (auto [key, slot] :
       {std::pair{"ccn_area_min_ha", &rules.min_ha},
        std::pair{"ccn_area_min_ha_exception", &rules.min_ha_exception},
        std::pair{"ccn_area_max_ha", &rules.max_ha},
        std::pair{"ccn_new_min_occupancy_pct", &rules.new_min_occupancy_pct},
        std::pair{"ccn_new_max_unleased_ha", &rules.new_max_unleased_ha},
        std::pair{"ccn_expand_min_occupancy_pct", &rules.expand_min_occupancy_pct}}) {
    auto v = store::rule_text(db, key, on);
    if (!v) return std::unexpected(v.error());
    if (*v) *slot = std::stoll((*v)->value);
  }
  return rules;
}

json checks_json(const std::vector<ClusterCheck>& checks) {
  json out = json::array();
  for (const auto& c : checks) {
    json params = json::object();
    for (const auto& [k, v] : c.params) params[k] = v;
    out.push_back({{"code", c.code}, {"ok", c.ok}, {"params", params}});
  }
  return out;
}

// Checks the place and scope, then writes (insert when c.id == 0) with its audit row.
Result<json> write_cluster(store::Connection& db, const Actor& a, store::Cluster& c,
                           std::vector<FieldError> errors,
                           const std::vector<std::int64_t>& projects, const std::string& reason) {
  return in_write_tx(db, [&]() -> Result<json> {
    json before = nullptr;
    if (c.id) {
      auto old = store::get_cluster(db, c.id);
      if (!old) return std::unexpected(old.error());
      if (a.role == Role::province && old->province_2025 != a.province_2025)
        return std::unexpected(Error::not_found("industrial cluster not found"));
      before = cluster_view(*old);
    }
    auto facts = province_facts(db, c.province, "province", errors);
    if (!facts) return std::unexpected(facts.error());
    store::ProvinceFacts pf = facts->value_or(store::ProvinceFacts{});
    if (*facts && a.role == Role::province && pf.province_2025 != a.province_2025)
      errors.push_back({"province", FieldCode::own_province});
    auto taken = store::cluster_code_taken(db, c.code, c.id);
    if (!taken) return std::unexpected(taken.error());
    if (*taken) errors.push_back({"code", FieldCode::code_taken});
    for (std::size_t i = 0; i < projects.size(); ++i) {
      auto p = named_record([&](std::int64_t id) { return store::get_project(db, id); },
                            "project_ids/" + std::to_string(i), projects[i], errors);
      if (!p) return std::unexpected(p.error());
    }
    if (auto s = fail_if_any(std::move(errors), "industrial cluster"); !s)
      return std::unexpected(s.error());
    if (c.id) {
      if (auto s = store::update_cluster(db, c, pf); !s) return std::unexpected(s.error());
    } else {
      auto id = store::insert_cluster(db, c, pf);
      if (!id) return std::unexpected(id.error());
      c.id = *id;
      for (auto p : projects)
        if (auto s = store::link_cluster_project(db, c.id, p); !s)
          return std::unexpected(s.error());
    }
    auto stored = store::get_cluster(db, c.id);
    if (!stored) return std::unexpected(stored.error());
    json view = cluster_view(*stored);
    if (auto s = audit(db, a, "industrial_clusters", c.id, before.is_null() ? "create" : "update",
                       before, view, reason);
        !s)
      return std::unexpected(s.error());
    return view;
  });
}

}  // namespace

Result<json> list_clusters(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto page = store::list_clusters(db, q);
  if (!page) return std::unexpected(page.error());
  auto t = store::cluster_totals(db, q);
  if (!t) return std::unexpected(t.error());
  json out = page_json(*page, [](const store::Cluster& c) { return cluster_view(c); });
  out["totals"] = {{"clusters", t->clusters},
                   {"area_ha", ha(t->area)},
                   {"industrial_land_ha", ha(t->industrial_land)},
                   {"leased_land_ha", ha(t->leased)},
                   {"occupancy_pct", occupancy_pct_1(t->leased, t->industrial_land)},
                   {"tenants", t->tenants},
                   {"workers", t->workers},
                   {"by_province", json::object()}};
  for (const auto& [code, n] : t->by_province) out["totals"]["by_province"][code] = n;
  return out;
}

Result<json> cluster_json(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto c = store::get_cluster(db, id);
  if (!c) return std::unexpected(c.error());
  auto others = store::other_clusters(db, c->province_2025, c->id);
  if (!others) return std::unexpected(others.error());
  auto rules = rules_for(db, *c);
  if (!rules) return std::unexpected(rules.error());
  ClusterFacts facts{c->status,          c->special_area, c->area,
                     c->industrial_land, c->leased,       c->demand_exceeds_land,
                     c->roads_done,      c->water_done,   c->wastewater_done};
  ProvinceClusters province{others->count, others->industrial_land, others->leased,
                            others->average_occupancy_pct};
  auto projects = store::cluster_projects(db, id);
  if (!projects) return std::unexpected(projects.error());
  auto reports = store::reports_of_cluster(db, id);
  if (!reports) return std::unexpected(reports.error());
  json out = cluster_view(*c);
  out["reports"] = json::array();
  for (const auto& r : *reports) out["reports"].push_back(cluster_report_view(r));
  out["checks"] = checks_json(check_cluster(facts, province, *rules));
  out["projects"] = json::array();
  for (const auto& p : *projects)
    out["projects"].push_back({{"id", p.project_id},
                               {"year", p.year},
                               {"code", p.code},
                               {"title", p.title},
                               {"content_code", p.content_code},
                               {"indicators", p.indicators}});
  return out;
}

Result<json> create_cluster(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_clusters)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  std::vector<std::int64_t> projects;
  store::Cluster c = read_cluster(body, false, errors, projects);
  return write_cluster(db, a, c, std::move(errors), projects, "");
}

Result<json> update_cluster(store::Connection& db, const Actor& a, std::int64_t id,
                            const json& body) {
  if (!may(a, Permission::manage_clusters)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  std::vector<std::int64_t> projects;
  store::Cluster c = read_cluster(body, true, errors, projects);
  c.id = id;
  std::string reason = body.is_object() ? body.value("reason", std::string()) : std::string();
  return write_cluster(db, a, c, std::move(errors), {}, reason);
}

}  // namespace kc::app
