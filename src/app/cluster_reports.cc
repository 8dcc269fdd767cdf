#include "app/cluster_reports.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/hectares.h"
#include "app/json_reader.h"
#include "app/workflow.h"
#include "domain/cluster_checks.h"
#include "domain/cluster_periods.h"
#include "store/cluster_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

// The period of (year, kind) under the dated settings in force on 1 January of that year.
Result<ClusterPeriod> period_of(store::Connection& db, std::int64_t year, ClusterPeriodKind kind) {
  ClusterReportDays days;
  const std::string on = std::to_string(year) + "-01-01";
  for (auto [key, slot] : {std::pair{"ccn_report_window_start", &days.window_start},
                           std::pair{"ccn_report_half_end", &days.half_end},
                           std::pair{"ccn_report_half_due", &days.half_due},
                           std::pair{"ccn_report_year_end", &days.year_end},
                           std::pair{"ccn_report_year_due", &days.year_due}}) {
    auto v = store::rule_text(db, key, on);
    if (!v) return std::unexpected(v.error());
    if (*v) *slot = (*v)->value;
  }
  auto p = cluster_period(static_cast<int>(year), kind, days);
  if (!p) return std::unexpected(Error::internal("the cluster report settings are no days"));
  return *p;
}

// The year and kind of a body or a query, each checked; nullopt with field errors otherwise.
std::optional<ClusterPeriodKind> read_period(std::optional<std::int64_t> year,
                                             const std::string& kind,
                                             std::vector<FieldError>& errors) {
  if (year && (*year < 2000 || *year > 2100))
    errors.push_back({"year", FieldCode::year_range, {{"min", "2000"}, {"max", "2100"}}});
  auto k = parse_period_kind(kind);
  if (!kind.empty() && !k)
    errors.push_back({"kind", FieldCode::one_of, {{"allowed", "half, year"}}});
  return k;
}

// The province the actor may write for: a province only its own.
bool may_write_for(const Actor& a, const std::string& province_2025) {
  return a.role != Role::province || a.province_2025 == province_2025;
}

// The figures of a body (record and correct alike).
void read_figures(JsonReader& r, store::ClusterReport& c) {
  auto received = r.date("received_on", true);
  c.received_on = received ? to_iso(*received) : std::string();
  c.tenants = r.integer("tenants", true).value_or(0);
  c.tenant_reports = r.integer("tenant_reports", false).value_or(0);
  c.workers = r.integer("workers", true).value_or(0);
  c.leased = read_centiha(r, "leased_land_ha", true);
  c.wastewater_done = r.boolean("wastewater_done");
  c.investment_vnd = r.integer("investment_vnd", false).value_or(0);
  c.note = r.text("note", false);
  for (auto [key, v] : {std::pair{"tenants", c.tenants}, std::pair{"workers", c.workers},
                        std::pair{"tenant_reports", c.tenant_reports},
                        std::pair{"investment_vnd", c.investment_vnd}})
    if (v < 0) r.error(key, FieldCode::negative);
  if (c.tenant_reports > c.tenants)
    r.error("tenant_reports", FieldCode::between,
            {{"min", "0"}, {"max", std::to_string(c.tenants)}});
  if (c.note.size() > 2000) r.error("note", FieldCode::too_long, {{"max", "2000"}});
}

// The checks against the period and the cluster (both found), then the write and its audit.
Result<json> write_report(store::Connection& db, const Actor& a, store::ClusterReport& c,
                          const store::Cluster& cluster, const ClusterPeriod& p,
                          std::vector<FieldError> errors, const json& before) {
  if (!may_write_for(a, cluster.province_2025))
    errors.push_back({"cluster_id", FieldCode::own_province});
  if (c.leased > cluster.industrial_land)
    errors.push_back({"leased_land_ha",
                      FieldCode::between,
                      {{"min", "0"}, {"max", hectares(cluster.industrial_land)}}});
  const std::string from = to_iso(p.from), now = vietnam_today_iso();
  if (!c.received_on.empty() && (c.received_on < from || c.received_on > now))
    errors.push_back({"received_on",
                      FieldCode::outside_window,
                      {{"from", to_vn(p.from)}, {"to", to_vn(*parse_date(now))}}});
  if (auto s = fail_if_any(std::move(errors), "cluster report"); !s)
    return std::unexpected(s.error());
  c.province_2025 = cluster.province_2025, c.due_on = to_iso(p.due);
  c.status = "received";
  if (c.id) {
    if (auto s = store::update_cluster_report(db, c); !s) return std::unexpected(s.error());
  } else {
    c.recorded_by = a.user_id;
    auto id = store::insert_cluster_report(db, c);
    if (!id) return std::unexpected(id.error());
    c.id = *id;
  }
  auto stored = store::get_cluster_report(db, c.id);
  if (!stored) return std::unexpected(stored.error());
  json view = cluster_report_view(*stored);
  if (auto s = audit(db, a, "cluster_reports", c.id, before.is_null() ? "create" : "update", before,
                     view);
      !s)
    return std::unexpected(s.error());
  return view;
}

json figures(std::int64_t tenants, std::int64_t workers, std::int64_t leased, bool wastewater) {
  return {{"tenants", tenants},
          {"workers", workers},
          {"leased_land_ha", ha(leased)},
          {"wastewater_done", wastewater}};
}

json province_json(const store::ProvincePeriod& p) {
  return {{"province_2025", p.province_2025},
          {"clusters", p.clusters},
          {"reported", p.reported},
          {"missing", p.clusters - p.reported},
          {"late", p.late},
          {"compiled", p.compiled},
          {"compiled_on", p.compiled_on.empty() ? json(nullptr) : json(p.compiled_on)},
          {"industrial_land_ha", ha(p.industrial_land)},
          {"leased_land_ha", ha(p.leased)},
          {"tenants", p.tenants},
          {"workers", p.workers},
          {"investment_vnd", p.investment_vnd}};
}

}  // namespace

json cluster_report_view(const store::ClusterReport& r) {
  return {{"id", r.id},
          {"cluster_id", r.cluster_id},
          {"cluster_code", r.cluster_code},
          {"cluster_name", r.cluster_name},
          {"province_2025", r.province_2025},
          {"year", r.year},
          {"kind", r.kind},
          {"due_on", r.due_on},
          {"received_on", r.received_on},
          {"late", r.received_on > r.due_on},
          {"tenants", r.tenants},
          {"tenant_reports", r.tenant_reports},
          {"workers", r.workers},
          {"leased_land_ha", ha(r.leased)},
          {"occupancy_pct", occupancy_pct_1(r.leased, r.industrial_land)},
          {"wastewater_done", r.wastewater_done},
          {"investment_vnd", r.investment_vnd},
          {"note", r.note},
          {"status", r.status},
          {"version", r.version}};
}

Result<json> list_cluster_reports(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  read_period(q.year, q.kind, errors);
  if (!q.status.empty() && q.status != "received" && q.status != "compiled")
    errors.push_back({"status", FieldCode::one_of, {{"allowed", "received, compiled"}}});
  if (auto s = fail_if_any(std::move(errors), "query"); !s) return std::unexpected(s.error());
  auto page = store::list_cluster_reports(db, q);
  if (!page) return std::unexpected(page.error());
  return page_json(*page, cluster_report_view);
}

Result<json> cluster_report_summary(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  if (!q.year) errors.push_back({"year", FieldCode::required});
  if (q.kind.empty()) errors.push_back({"kind", FieldCode::required});
  auto kind = read_period(q.year, q.kind, errors);
  if (auto s = fail_if_any(std::move(errors), "query"); !s) return std::unexpected(s.error());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto p = period_of(db, *q.year, *kind);
  if (!p) return std::unexpected(p.error());
  auto rows = store::period_by_province(db, *q.year, q.kind, q.province);
  if (!rows) return std::unexpected(rows.error());
  store::ProvincePeriod all{"", 0, 0, 0, 0, 0, 0, 0, 0, 0, ""};
  json provinces = json::array();
  for (const auto& r : *rows) {
    provinces.push_back(province_json(r));
    all.clusters += r.clusters, all.reported += r.reported, all.late += r.late;
    all.compiled += r.compiled, all.industrial_land += r.industrial_land, all.leased += r.leased;
    all.tenants += r.tenants, all.workers += r.workers, all.investment_vnd += r.investment_vnd;
  }
  json totals = province_json(all);
  totals.erase("province_2025"), totals.erase("compiled_on");
  totals["provinces_compiled"] = std::count_if(
      rows->begin(), rows->end(), [](const auto& r) { return !r.compiled_on.empty(); });
  return json{{"year", *q.year},
              {"kind", q.kind},
              {"window", {{"from", to_iso(p->from)}, {"to", to_iso(p->to)}}},
              {"due_on", to_iso(p->due)},
              {"provinces", provinces},
              {"totals", totals}};
}

Result<json> cluster_report_json(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto r = store::get_cluster_report(db, id);
  if (!r) return std::unexpected(r.error());
  return cluster_report_view(*r);
}

Result<json> record_cluster_report(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_clusters)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::ClusterReport c;
  c.cluster_id = r.integer("cluster_id", true).value_or(0);
  c.year = r.integer("year", true).value_or(0);
  c.kind = r.text("kind", true);
  read_figures(r, c);
  r.finish();
  auto kind = read_period(c.year ? std::optional(c.year) : std::nullopt, c.kind, errors);
  return in_write_tx(db, [&]() -> Result<json> {
    auto cluster = named_record([&](std::int64_t id) { return store::get_cluster(db, id); },
                                "cluster_id", c.cluster_id, errors);
    if (!cluster) return std::unexpected(cluster.error());
    if (!*cluster || !kind || !c.year) {
      if (auto s = fail_if_any(std::move(errors), "cluster report"); !s)
        return std::unexpected(s.error());
    }
    auto p = period_of(db, c.year, *kind);
    if (!p) return std::unexpected(p.error());
    auto taken = store::cluster_report_of(db, c.cluster_id, c.year, c.kind);
    if (!taken) return std::unexpected(taken.error());
    if (*taken)
      errors.push_back(
          {"cluster_id", FieldCode::already_reported, {{"id", std::to_string(**taken)}}});
    return write_report(db, a, c, **cluster, *p, std::move(errors), nullptr);
  });
}

Result<json> correct_cluster_report(store::Connection& db, const Actor& a, std::int64_t id,
                                    const json& body) {
  if (!may(a, Permission::manage_clusters)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  store::ClusterReport c;
  c.version = r.integer("version", true).value_or(0);
  read_figures(r, c);
  for (const char* same : {"id", "cluster_id", "cluster_code", "cluster_name", "province_2025",
                           "year", "kind", "due_on", "late", "occupancy_pct", "status"})
    r.ignore(same);
  r.finish();
  return in_write_tx(db, [&]() -> Result<json> {
    auto old = store::get_cluster_report(db, id);
    if (!old) return std::unexpected(old.error());
    auto cluster = store::get_cluster(db, old->cluster_id);
    if (!cluster) return std::unexpected(cluster.error());
    if (!may_write_for(a, cluster->province_2025))
      return std::unexpected(Error::not_found("cluster report not found"));
    auto p = period_of(db, old->year, *parse_period_kind(old->kind));
    if (!p) return std::unexpected(p.error());
    c.id = id, c.cluster_id = old->cluster_id, c.year = old->year, c.kind = old->kind;
    return write_report(db, a, c, *cluster, *p, std::move(errors), cluster_report_view(*old));
  });
}

Result<json> compile_cluster_reports(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::manage_clusters)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto year = r.integer("year", true);
  std::string kind = r.text("kind", true);
  std::string province = r.text("province", false);
  r.finish();
  read_period(year, kind, errors);
  if (province.empty()) province = a.province_2025;
  if (province.empty() && errors.empty()) errors.push_back({"province", FieldCode::required});
  if (!province.empty() && !may_write_for(a, province))
    errors.push_back({"province", FieldCode::own_province});
  return in_write_tx(db, [&]() -> Result<json> {
    if (auto s = fail_if_any(std::move(errors), "compilation"); !s)
      return std::unexpected(s.error());
    auto reports = store::reports_to_compile(db, province, *year, kind);
    if (!reports) return std::unexpected(reports.error());
    std::vector<FieldError> bad;
    for (const auto& rep : *reports) {
      auto cluster = store::get_cluster(db, rep.cluster_id);
      if (!cluster) return std::unexpected(cluster.error());
      if (rep.leased > cluster->industrial_land)
        bad.push_back({"reports/" + std::to_string(rep.id) + "/leased_land_ha",
                       FieldCode::between,
                       {{"min", "0"}, {"max", hectares(cluster->industrial_land)}}});
      if (auto s = store::apply_reported_figures(db, rep.cluster_id, rep.tenants, rep.workers,
                                                 rep.leased, rep.wastewater_done);
          !s)
        return std::unexpected(s.error());
      if (auto s = store::mark_compiled(db, rep.id); !s) return std::unexpected(s.error());
      if (auto s = audit(db, a, "industrial_clusters", rep.cluster_id, "update",
                         figures(cluster->tenants, cluster->workers, cluster->leased,
                                 cluster->wastewater_done),
                         figures(rep.tenants, rep.workers, rep.leased, rep.wastewater_done),
                         "compiled from cluster report " + std::to_string(rep.id));
          !s)
        return std::unexpected(s.error());
    }
    if (auto s = fail_if_any(std::move(bad), "compilation"); !s) return std::unexpected(s.error());
    auto rows = store::period_by_province(db, *year, kind, province);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
      return std::unexpected(Error::invalid(
          "nothing to compile", {{"province", FieldCode::no_such_record, {{"id", province}}}}));
    const std::string on = vietnam_today_iso();
    if (auto s = store::save_compilation(db, rows->front(), *year, kind, on, a.user_id); !s)
      return std::unexpected(s.error());
    json out = province_json(rows->front());
    out["compiled_on"] = on;
    out["year"] = *year, out["kind"] = kind;
    out["compiled_now"] = reports->size();
    // A compilation's key is (province, year, kind), not a number: the trail files it under the
    // year, and its after-image and reason name the province and the kind.
    if (auto s = audit(db, a, "cluster_report_compilations", *year, "create", nullptr, out,
                       "province " + province + ", " + kind);
        !s)
      return std::unexpected(s.error());
    return out;
  });
}

}  // namespace kc::app
