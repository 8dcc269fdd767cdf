#include "app/open_data.h"

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "io/json_writer.h"
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

struct ProgramFacts {
  std::string code, level, name;
};
struct OrganizationFacts {
  std::int64_t id = 0;
  std::string name, kind;
};

// One project's record, appended to `out`.
void record(std::string& out, const Project& p, const store::ProjectResults& r,
            const ProgramFacts& program, const OrganizationFacts& organization) {
  io::JsonWriter w(out);
  w.begin_object().field("ocid", kOcidPrefix + p.code).field("code", p.code);
  w.field("title", p.title).field("year", std::int64_t{p.year});
  w.key("program").begin_object().field("code", program.code).field("level", program.level);
  w.field("name", program.name).end_object();
  w.field("content", p.content_code).field("kind", p.kind);
  w.key("provinces").begin_array();
  for (const auto& pr : p.provinces)
    w.begin_object().field("set", pr.set).field("code", pr.code).end_object();
  w.end_array();
  w.key("implementing_organization").begin_object().field("id", organization.id);
  w.field("name", organization.name).field("kind", organization.kind).end_object();
  w.key("period").begin_object().field("start", to_iso(p.start)).field("end", to_iso(p.end));
  w.end_object();
  w.key("budget").begin_object().field("plan_vnd", r.plan_vnd);
  w.field("counterpart_vnd", p.counterpart_vnd).field("total_vnd", p.total_vnd).end_object();
  w.key("contracts").begin_array();
  for (const auto& c : r.contracts) {
    w.begin_object().field("number", c.number).field("signed_on", c.signed_on);
    w.field("status", c.status).field("value_vnd", c.value_vnd).field("paid_vnd", c.paid_vnd);
    w.key("acceptance");
    if (c.acceptance)
      w.begin_object()
          .field("number", c.acceptance->number)
          .field("accepted_on", c.acceptance->accepted_on)
          .field("verdict", c.acceptance->verdict)
          .field("accepted_vnd", c.acceptance->accepted_vnd)
          .end_object();
    else
      w.null();
    w.end_object();
  }
  w.end_array();
  w.field("beneficiaries", static_cast<std::int64_t>(p.beneficiary_ids.size()));
  w.key("outputs").begin_array();
  auto output = [&](const std::string& indicator, std::int64_t planned, std::int64_t actual) {
    w.begin_object().field("indicator", indicator).field("planned", planned);
    w.field("actual", actual).end_object();
  };
  for (const auto& o : p.outputs) {
    auto it = r.actual.find(o.indicator);
    output(o.indicator, o.quantity, it == r.actual.end() ? 0 : it->second);
  }
  for (const auto& [indicator, actual] : r.actual) {
    bool planned = false;
    for (const auto& o : p.outputs) planned = planned || o.indicator == indicator;
    if (!planned) output(indicator, 0, actual);
  }
  w.end_array().end_object();
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
  std::map<std::int64_t, ProgramFacts> program_of;
  bool known = program.empty();
  for (const auto& p : programs->items) {
    program_of[p.id] = {p.code, p.level, p.name};
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
  std::map<std::int64_t, OrganizationFacts> organizations;
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
                      .emplace(p.implementing_org_id, OrganizationFacts{o->id, o->name, o->kind})
                      .first;
          }
          text += out.rows++ ? ",\n" : "\n";
          record(text, p, r->second, program_of[p.program_id], org->second);
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
