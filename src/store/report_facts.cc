// Loading the reports' facts (store/report_facts.h): a window of project ids at a time, each
// window in nine queries that group the child tables by project, so that memory stays that of
// the facts themselves (the rows of a window are released before the next).
#include "store/report_facts.h"

#include <algorithm>
#include <unordered_map>

namespace kc::store {
namespace {

constexpr std::int64_t kWindow = 50'000;  // project ids per window

// Interns codes: each distinct text gets a small index.
class Interner {
 public:
  explicit Interner(std::vector<std::string>& codes) : codes_(codes) {}
  ReportFacts::Code operator()(const std::string& code) {
    auto [it, added] = index_.try_emplace(code, static_cast<ReportFacts::Code>(codes_.size()));
    if (added) codes_.push_back(code);
    return it->second;
  }

 private:
  std::vector<std::string>& codes_;
  std::unordered_map<std::string, ReportFacts::Code> index_;
};

// One window [lo, hi) of project ids, its facts appended to f.
class Window {
 public:
  Window(Connection& db, ReportFacts& f, Interner& intern, std::int64_t lo, std::int64_t hi)
      : db_(db), f_(f), intern_(intern), range_{lo, hi} {}

  Status load() {
    for (auto step : {&Window::projects, &Window::plan, &Window::contracts, &Window::acceptances,
                      &Window::payments})
      if (auto s = (this->*step)(); !s) return s;
    if (auto s = places(); !s) return s;
    return outputs();
  }
  std::size_t size() const { return rows_.size(); }

 private:
  Result<std::vector<Row>> query(const std::string& sql) { return db_.query(sql, range_); }
  ReportFacts::Project* at(std::int64_t id) {
    auto it = rows_.find(id);
    return it == rows_.end() ? nullptr : &f_.projects[it->second];
  }

  Status projects() {
    auto rows = query(
        "SELECT p.id, p.year, p.program_id, p.content_code, p.kind, p.status, p.counterpart_vnd, "
        "COALESCE(p.implementing_org_id, 0) FROM projects p WHERE p.id >= ? AND p.id < ?");
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows) {
      ReportFacts::Project p;
      p.id = r.i64(0), p.year = static_cast<std::int32_t>(r.i64(1)), p.program_id = r.i64(2);
      p.content = intern_(r.str(3)), p.kind = intern_(r.str(4));
      p.cancelled = r.str(5) == "cancelled";
      p.counterpart = r.i64(6), p.organization_id = r.i64(7);
      rows_.emplace(p.id, f_.projects.size());
      f_.projects.push_back(p);
    }
    return {};
  }

  Status plan() {
    auto rows = query(
        "SELECT project_id, SUM(amount_vnd) FROM plan_decision_items WHERE project_id >= ? AND "
        "project_id < ? GROUP BY project_id");
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows)
      if (auto* p = at(r.i64(0))) p->has_items = true, p->plan = r.i64(1);
    return {};
  }

  // Implementation contracts: signed (or later), settled, and those whose end releases funds,
  // with what each of these used (a terminated one its net payments, else its acceptance).
  Status contracts() {
    auto rows = query(
        "SELECT c.project_id, "
        "SUM(CASE WHEN c.status IN ('signed', 'in_progress', 'accepted', 'settled') THEN 1 ELSE 0 "
        "END), SUM(CASE WHEN c.status IN ('signed', 'in_progress', 'accepted', 'settled') THEN "
        "c.value_vnd ELSE 0 END), SUM(CASE WHEN c.status = 'settled' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.status = 'settled' THEN c.value_vnd ELSE 0 END), "
        "SUM(CASE WHEN c.status IN ('terminated', 'accepted', 'settled') THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.status = 'terminated' THEN (SELECT COALESCE(SUM(CASE WHEN y.kind = "
        "'recovery' THEN -y.amount_vnd ELSE y.amount_vnd END), 0) FROM payments y WHERE "
        "y.contract_id = c.id) WHEN c.status IN ('accepted', 'settled') THEN (SELECT "
        "COALESCE(MAX(x.accepted_vnd), 0) FROM acceptances x WHERE x.contract_id = c.id AND "
        "x.verdict <> 'failed') ELSE 0 END) FROM contracts c WHERE c.level = 'implementation' AND "
        "c.project_id >= ? AND c.project_id < ? GROUP BY c.project_id");
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows) {
      auto* p = at(r.i64(0));
      if (!p) continue;
      p->contracted = static_cast<std::int32_t>(r.i64(1)), p->contracted_vnd = r.i64(2);
      p->settled = static_cast<std::int32_t>(r.i64(3)), p->settled_vnd = r.i64(4);
      p->released_contracts = static_cast<std::int32_t>(r.i64(5)), p->released_used = r.i64(6);
    }
    return {};
  }

  Status acceptances() {
    auto rows = query(
        "SELECT c.project_id, COUNT(*), SUM(x.accepted_vnd) FROM acceptances x JOIN contracts c "
        "ON c.id = x.contract_id WHERE c.level = 'implementation' AND x.verdict <> 'failed' AND "
        "c.project_id >= ? AND c.project_id < ? GROUP BY c.project_id");
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows)
      if (auto* p = at(r.i64(0)))
        p->accepted = static_cast<std::int32_t>(r.i64(1)), p->accepted_vnd = r.i64(2);
    return {};
  }

  Status payments() {
    auto rows = query(
        "SELECT c.project_id, SUM(CASE WHEN y.kind = 'recovery' THEN -y.amount_vnd ELSE "
        "y.amount_vnd END) FROM payments y JOIN contracts c ON c.id = y.contract_id WHERE "
        "c.level = 'implementation' AND c.project_id >= ? AND c.project_id < ? GROUP BY "
        "c.project_id");
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows)
      if (auto* p = at(r.i64(0))) p->disbursed = r.i64(1);
    return {};
  }

  Status places() {
    auto rows = query(
        "SELECT project_id, position, province_set, province_code, province_2025, region_code "
        "FROM project_provinces WHERE project_id >= ? AND project_id < ? ORDER BY project_id, "
        "position");
    if (!rows) return std::unexpected(rows.error());
    std::int64_t last = -1;
    for (const auto& r : *rows) {
      auto* p = at(r.i64(0));
      if (!p) continue;
      if (r.i64(0) != last) p->places = static_cast<std::uint32_t>(f_.places.size());
      last = r.i64(0);
      ReportFacts::Place pl;
      pl.position = static_cast<std::int32_t>(r.i64(1));
      if (r.str(2) == "2008") pl.province_2008 = intern_(r.str(3));
      pl.province_2025 = intern_(r.str(4)), pl.region = intern_(r.str(5));
      f_.places.push_back(pl);
      p->places_end = static_cast<std::uint32_t>(f_.places.size());
    }
    return {};
  }

  // Outputs planned by the project and accepted by its acceptances, one entry per indicator.
  Status outputs() {
    auto planned = query(
        "SELECT project_id, indicator_code, SUM(quantity) FROM project_outputs WHERE project_id "
        ">= ? AND project_id < ? GROUP BY project_id, indicator_code");
    if (!planned) return std::unexpected(planned.error());
    auto accepted = query(
        "SELECT c.project_id, ao.indicator_code, SUM(ao.actual) FROM acceptance_outputs ao JOIN "
        "acceptances x ON x.id = ao.acceptance_id JOIN contracts c ON c.id = x.contract_id WHERE "
        "c.level = 'implementation' AND x.verdict <> 'failed' AND c.project_id >= ? AND "
        "c.project_id < ? GROUP BY c.project_id, ao.indicator_code");
    if (!accepted) return std::unexpected(accepted.error());
    std::vector<std::pair<std::int64_t, ReportFacts::Output>> all;
    for (const auto& r : *planned) {
      ReportFacts::Output o;
      o.indicator = intern_(r.str(1)), o.planned = true, o.expected = r.i64(2);
      all.push_back({r.i64(0), o});
    }
    for (const auto& r : *accepted) {
      ReportFacts::Output o;
      o.indicator = intern_(r.str(1)), o.accepted = true, o.actual = r.i64(2);
      all.push_back({r.i64(0), o});
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return std::pair{a.first, a.second.indicator} < std::pair{b.first, b.second.indicator};
    });
    ReportFacts::Project* p = nullptr;
    std::int64_t last = -1;
    for (const auto& [id, o] : all) {
      if (id != last) {
        last = id;
        p = at(id);
        if (p) p->outputs = static_cast<std::uint32_t>(f_.outputs.size());
      }
      if (!p) continue;
      if (p->outputs_end > p->outputs && f_.outputs.back().indicator == o.indicator) {
        auto& same = f_.outputs.back();  // planned and accepted rows of one indicator
        same.planned |= o.planned, same.accepted |= o.accepted;
        same.expected += o.expected, same.actual += o.actual;
        continue;
      }
      f_.outputs.push_back(o);
      p->outputs_end = static_cast<std::uint32_t>(f_.outputs.size());
    }
    return {};
  }

  Connection& db_;
  ReportFacts& f_;
  Interner& intern_;
  std::vector<Value> range_;
  std::unordered_map<std::int64_t, std::size_t> rows_;  // project id -> index in f_.projects
};

}  // namespace

ReportFacts::Code ReportFacts::find(const std::string& code) const {
  auto it = std::find(codes.begin(), codes.end(), code);
  return it == codes.end() ? -1 : static_cast<Code>(it - codes.begin());
}

std::size_t ReportFacts::bytes() const {
  std::size_t n = projects.capacity() * sizeof(Project) + places.capacity() * sizeof(Place) +
                  outputs.capacity() * sizeof(Output);
  for (const auto& c : codes) n += sizeof(c) + c.capacity();
  for (const auto* lists : {&in_province_2025, &in_province_2008})
    for (const auto& l : *lists) n += sizeof(l) + l.capacity() * sizeof(std::uint32_t);
  return n + programs.size() * sizeof(Program);
}

Result<ReportFacts> load_report_facts(
    Connection& db, const std::function<void(std::size_t, std::size_t)>& progress) {
  auto tx = Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  ReportFacts f;
  auto version = data_version(db);
  if (!version) return std::unexpected(version.error());
  f.version = version->all;
  auto fresh = freshness(db);
  if (!fresh) return std::unexpected(fresh.error());
  f.as_of = *fresh;
  auto programs = db.query("SELECT id, code, level FROM programs ORDER BY id", {});
  if (!programs) return std::unexpected(programs.error());
  for (const auto& r : *programs) f.programs.push_back({r.i64(0), r.str(1), r.str(2)});
  auto bounds = db.query("SELECT MIN(id), MAX(id), COUNT(*) FROM projects", {});
  if (!bounds) return std::unexpected(bounds.error());
  const std::int64_t first = bounds->front().i64(0), last = bounds->front().i64(1);
  const auto total = static_cast<std::size_t>(bounds->front().i64(2));
  f.projects.reserve(total);
  Interner intern(f.codes);
  for (std::int64_t lo = first; total > 0 && lo <= last; lo += kWindow) {
    Window w(db, f, intern, lo, lo + kWindow);
    if (auto s = w.load(); !s) return std::unexpected(s.error());
    if (progress) progress(f.projects.size(), total);
  }
  std::stable_sort(f.projects.begin(), f.projects.end(),
                   [](const auto& a, const auto& b) { return a.year < b.year; });
  f.in_province_2025.resize(f.codes.size()), f.in_province_2008.resize(f.codes.size());
  for (std::uint32_t i = 0; i < f.projects.size(); ++i)
    for (auto k = f.projects[i].places; k < f.projects[i].places_end; ++k) {
      const auto& pl = f.places[k];
      for (auto [code, lists] : {std::pair{pl.province_2025, &f.in_province_2025},
                                 std::pair{pl.province_2008, &f.in_province_2008}}) {
        if (code < 0) continue;
        auto& list = (*lists)[static_cast<std::size_t>(code)];
        if (list.empty() || list.back() != i) list.push_back(i);
      }
    }
  if (auto s = tx->commit(); !s) return std::unexpected(s.error());
  return f;
}

}  // namespace kc::store
