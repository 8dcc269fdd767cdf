#include "app/open_data.h"

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "store/open_data_query.h"
#include "store/project_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};

json record(const Project& p, const store::ProjectResults& r, const json& program,
            const json& organization) {
  json provinces = json::array();
  for (const auto& pr : p.provinces) provinces.push_back({{"set", pr.set}, {"code", pr.code}});
  json contracts = json::array();
  for (const auto& c : r.contracts) {
    json a = nullptr;
    if (c.acceptance)
      a = {{"number", c.acceptance->number},
           {"accepted_on", c.acceptance->accepted_on},
           {"verdict", c.acceptance->verdict},
           {"accepted_vnd", c.acceptance->accepted_vnd}};
    contracts.push_back({{"number", c.number},
                         {"signed_on", c.signed_on},
                         {"status", c.status},
                         {"value_vnd", c.value_vnd},
                         {"paid_vnd", c.paid_vnd},
                         {"acceptance", a}});
  }
  json outputs = json::array();
  for (const auto& o : p.outputs) {
    auto it = r.actual.find(o.indicator);
    outputs.push_back({{"indicator", o.indicator},
                       {"planned", o.quantity},
                       {"actual", it == r.actual.end() ? 0 : it->second}});
  }
  for (const auto& [indicator, actual] : r.actual) {
    bool planned = false;
    for (const auto& o : p.outputs) planned = planned || o.indicator == indicator;
    if (!planned) outputs.push_back({{"indicator", indicator}, {"planned", 0}, {"actual", actual}});
  }
  return {{"ocid", kOcidPrefix + p.code},
          {"code", p.code},
          {"title", p.title},
          {"year", p.year},
          {"program", program},
          {"content", p.content_code},
          {"kind", p.kind},
          {"provinces", provinces},
          {"implementing_organization", organization},
          {"period", {{"start", to_iso(p.start)}, {"end", to_iso(p.end)}}},
          {"budget",
           {{"plan_vnd", r.plan_vnd},
            {"counterpart_vnd", p.counterpart_vnd},
            {"total_vnd", p.total_vnd}}},
          {"contracts", contracts},
          {"beneficiaries", p.beneficiary_ids.size()},
          {"outputs", outputs}};
}

}  // namespace

Result<ExportResult> export_open_data(store::Connection& db, const Actor& a, int year,
                                      const std::string& program, const std::string& path,
                                      const Progress& progress) {
  if (!may(a, Permission::public_read)) return std::unexpected(Error::forbidden());
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  ListQuery q;  // published records: no scope narrows them
  if (year > 0) q.year = year;
  q.program_code = program;
  ListQuery pq;
  pq.page_size = 100000;
  auto programs = store::list_programs(db, pq);
  if (!programs) return std::unexpected(programs.error());
  std::map<std::int64_t, json> program_of;
  bool known = program.empty();
  for (const auto& p : programs->items) {
    program_of[p.id] = {{"code", p.code}, {"level", p.level}, {"name", p.name}};
    known = known || p.code == program;
  }
  if (!known)
    return std::unexpected(Error::invalid(
        "invalid query", {{"program", FieldCode::unknown_program, {{"code", program}}}}));
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "wb"));
  if (!f) return std::unexpected(Error::internal("cannot create " + path));
  json head{{"publisher", "Khuyến Công"},
            {"published_at", store::now_utc()},
            {"schema", "docs/open-data.schema.json"},
            {"currency", "VND"},
            {"ocid_prefix", kOcidPrefix},
            {"year", year > 0 ? json(year) : json(nullptr)},
            {"program", program.empty() ? json(nullptr) : json(program)}};
  std::string text = head.dump();
  text.pop_back();  // the closing brace: the projects follow
  text += ",\"projects\":[";
  std::map<std::int64_t, json> organizations;
  ExportResult out{0,
                   "du-lieu-mo" + (year > 0 ? "-" + std::to_string(year) : std::string()) +
                       (program.empty() ? "" : "-" + program) + ".json",
                   "application/json"};
  auto s = store::each_project_batch(
      db, q, 2000, [&](std::vector<Project>& batch, std::size_t total) -> Status {
        std::vector<std::int64_t> ids;
        for (const auto& p : batch) ids.push_back(p.id);
        auto results = store::project_results(db, ids);
        if (!results) return std::unexpected(results.error());
        for (const auto& p : batch) {
          auto r = results->find(p.id);
          if (r == results->end() || r->second.plan_vnd <= 0) continue;  // not in a plan
          auto org = organizations.find(p.implementing_org_id);
          if (org == organizations.end()) {
            auto o = store::get_organization(db, p.implementing_org_id);
            if (!o) return std::unexpected(o.error());
            org = organizations
                      .emplace(p.implementing_org_id,
                               json{{"id", o->id}, {"name", o->name}, {"kind", o->kind}})
                      .first;
          }
          text += (out.rows++ ? ",\n" : "\n") +
                  record(p, r->second, program_of[p.program_id], org->second).dump();
        }
        if (std::fwrite(text.data(), 1, text.size(), f.get()) != text.size())
          return std::unexpected(Error::internal("cannot write " + path));
        text.clear();
        if (progress) progress(out.rows, total);
        return {};
      });
  if (!s) return std::unexpected(s.error());
  text += "\n]}\n";
  if (std::fwrite(text.data(), 1, text.size(), f.get()) != text.size() ||
      std::fclose(f.release()) != 0)
    return std::unexpected(Error::internal("cannot write " + path));
  (void)tx->commit();
  return out;
}

}  // namespace kc::app
