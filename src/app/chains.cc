#include "app/chains.h"

#include <set>

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "app/json_reader.h"
#include "store/chain_repo.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json chain_view(const store::Chain& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"product_line", c.product_line},
          {"province_2025", c.province_2025},
          {"description", c.description},
          {"suppliers", c.suppliers},
          {"producers", c.producers},
          {"buyers", c.buyers},
          {"project_count", c.projects},
          {"requested_vnd", c.requested_vnd},
          {"version", c.version}};
}

// The chain with its links and projects, as read and as audited.
Result<json> chain_detail(store::Connection& db, std::int64_t id) {
  auto c = store::get_chain(db, id);
  if (!c) return std::unexpected(c.error());
  auto links = store::chain_links(db, id);
  if (!links) return std::unexpected(links.error());
  auto projects = store::chain_projects(db, id);
  if (!projects) return std::unexpected(projects.error());
  json out = chain_view(*c);
  out["links"] = json::array();
  for (const auto& l : *links)
    out["links"].push_back({{"facility_id", l.facility_id},
                            {"role", l.role},
                            {"facility_name", l.facility_name},
                            {"facility_kind", l.facility_kind},
                            {"industry", l.industry},
                            {"province_2025", l.province_2025}});
  out["projects"] = json::array();
  for (const auto& p : *projects)
    out["projects"].push_back({{"id", p.project_id},
                               {"year", p.year},
                               {"code", p.code},
                               {"title", p.title},
                               {"kind", p.kind},
                               {"status", p.status},
                               {"province_2025", p.province_2025},
                               {"requested_vnd", p.requested_vnd}});
  return out;
}

struct ChainInput {
  store::Chain chain;
  ProvinceRef province;
  std::vector<store::ChainLink> links;
  std::vector<std::int64_t> projects;
};

ChainInput read_chain(const json& body, bool for_update, std::vector<FieldError>& errors) {
  JsonReader r(body, "", errors);
  ChainInput in;
  if (for_update)
    in.chain.version = r.integer("version", true).value_or(0);
  else if (r.has("version"))
    r.error("version", FieldCode::server_set);
  for (const char* ro : {"id", "province_2025", "suppliers", "producers", "buyers", "project_count",
                         "requested_vnd", "projects"})
    r.ignore(ro);
  in.chain.name = r.filled_text("name");
  in.chain.product_line = r.filled_text("product_line");
  in.chain.description = r.lines("description", false);
  if (in.chain.name.size() > 300) r.error("name", FieldCode::too_long, {{"max", "300"}});
  if (in.chain.description.size() > 5000)
    r.error("description", FieldCode::too_long, {{"max", "5000"}});
  if (const json* p = r.object("province", true)) {
    JsonReader pr(*p, "province/", errors);
    in.province = {pr.text("set", true), pr.text("code", true)};
    pr.finish();
  }
  std::set<std::pair<std::int64_t, std::string>> seen;
  bool producer = false;
  if (const json* links = r.array("links", true)) {
    for (std::size_t i = 0; i < links->size(); ++i) {
      JsonReader lr((*links)[i], "links/" + std::to_string(i) + "/", errors);
      store::ChainLink l;
      l.facility_id = lr.integer("facility_id", true).value_or(0);
      l.role = lr.text("role", true);
      for (const char* ro : {"facility_name", "facility_kind", "industry", "province_2025"})
        lr.ignore(ro);
      lr.finish();
      if (!l.role.empty() && l.role != "supplier" && l.role != "producer" && l.role != "buyer")
        lr.error("role", FieldCode::one_of, {{"allowed", "supplier, producer, buyer"}});
      if (!seen.insert({l.facility_id, l.role}).second)
        lr.error("facility_id", FieldCode::listed_twice);
      producer |= l.role == "producer";
      in.links.push_back(std::move(l));
    }
    if (!producer) r.error("links", FieldCode::required_for, {{"what", "producer"}});
  }
  in.projects = r.ids("project_ids", false);
  std::set<std::int64_t> distinct(in.projects.begin(), in.projects.end());
  if (distinct.size() != in.projects.size()) r.error("project_ids", FieldCode::listed_twice);
  r.finish();
  return in;
}

// Checks the place, the scope, the facilities and the projects, then writes (insert when
// in.chain.id == 0) with its audit row.
Result<json> write_chain(store::Connection& db, const Actor& a, ChainInput& in,
                         std::vector<FieldError> errors) {
  return in_write_tx(db, [&]() -> Result<json> {
    json before = nullptr;
    if (in.chain.id) {
      auto old = chain_detail(db, in.chain.id);
      if (!old) return std::unexpected(old.error());
      if (a.role == Role::province && (*old)["province_2025"] != a.province_2025)
        return std::unexpected(Error::not_found("chain not found"));
      before = *old;
    }
    auto facts = province_facts(db, in.province, "province", errors);
    if (!facts) return std::unexpected(facts.error());
    if (*facts) {
      in.chain.province_2025 = (*facts)->province_2025;
      if (a.role == Role::province && in.chain.province_2025 != a.province_2025)
        errors.push_back({"province", FieldCode::own_province});
    }
    for (std::size_t i = 0; i < in.links.size(); ++i) {
      if (!in.links[i].facility_id) continue;
      auto f = named_record([&](std::int64_t id) { return store::get_facility(db, id); },
                            "links/" + std::to_string(i) + "/facility_id", in.links[i].facility_id,
                            errors);
      if (!f) return std::unexpected(f.error());
    }
    for (std::size_t i = 0; i < in.projects.size(); ++i) {
      auto p = named_record([&](std::int64_t id) { return store::get_project(db, id); },
                            "project_ids/" + std::to_string(i), in.projects[i], errors);
      if (!p) return std::unexpected(p.error());
    }
    if (auto s = fail_if_any(std::move(errors), "chain"); !s) return std::unexpected(s.error());
    if (in.chain.id) {
      if (auto s = store::update_chain(db, in.chain); !s) return std::unexpected(s.error());
    } else {
      auto id = store::insert_chain(db, in.chain);
      if (!id) return std::unexpected(id.error());
      in.chain.id = *id;
    }
    if (auto s = store::set_chain_members(db, in.chain.id, in.links, in.projects); !s)
      return std::unexpected(s.error());
    auto view = chain_detail(db, in.chain.id);
    if (!view) return std::unexpected(view.error());
    if (auto s = audit(db, a, "product_chains", in.chain.id, before.is_null() ? "create" : "update",
                       before, *view);
        !s)
      return std::unexpected(s.error());
    return *view;
  });
}

}  // namespace

Result<json> list_chains(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto page = store::list_chains(db, q);
  if (!page) return std::unexpected(page.error());
  auto t = store::chain_totals(db, q);
  if (!t) return std::unexpected(t.error());
  json out = page_json(*page, chain_view);
  out["totals"] = {{"chains", t->id},           {"suppliers", t->suppliers},
                   {"producers", t->producers}, {"buyers", t->buyers},
                   {"projects", t->projects},   {"requested_vnd", t->requested_vnd}};
  return out;
}

Result<json> chain_json(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  return chain_detail(db, id);
}

Result<json> create_chain(store::Connection& db, const Actor& a, const json& body) {
  if (!may(a, Permission::write_places)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  ChainInput in = read_chain(body, false, errors);
  return write_chain(db, a, in, std::move(errors));
}

Result<json> update_chain(store::Connection& db, const Actor& a, std::int64_t id,
                          const json& body) {
  if (!may(a, Permission::write_places)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  ChainInput in = read_chain(body, true, errors);
  in.chain.id = id;
  return write_chain(db, a, in, std::move(errors));
}

}  // namespace kc::app
