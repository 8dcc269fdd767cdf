// Aggregating the reports' facts (store/report_facts.h) the way store::completion and
// store::plan_breakdown aggregate the tables: a list query resolved once against the facts'
// codes, then one pass over the slice of the year asked (or every year).
#include <algorithm>
#include <map>

#include "store/report_facts.h"

namespace kc::store {
namespace {

using Code = ReportFacts::Code;

// A list query resolved against the facts.
class Match {
 public:
  Match(const ReportFacts& f, const ListQuery& q) : f_(f) {
    none_ = q.scope_none;
    if (q.program_id) restrict({*q.program_id});
    if (!q.program_code.empty()) restrict(by_program(q.program_code, true));
    if (!q.level.empty()) restrict(by_program(q.level, false));
    std::sort(programs_.begin(), programs_.end());
    content_ = code(q.content), kind_ = code(q.kind), region_ = code(q.region);
    scope_province_ = code(q.scope_province);
    if (q.province_set == "2008")
      province_2008_ = code(q.province);
    else
      province_2025_ = code(q.province);
    organization_ = q.scope_org;
    auto all = f.projects.begin(), end = f.projects.end();
    if (q.year) {
      auto by_year = [](const ReportFacts::Project& p, int y) { return p.year < y; };
      first_ = std::lower_bound(all, end, *q.year, by_year);
      last_ = std::lower_bound(first_, end, *q.year + 1, by_year);
    } else {
      first_ = all, last_ = end;
    }
  }

  template <class Visit>
  void each(Visit visit) const {
    if (none_) return;
    const std::vector<std::uint32_t>* list = listed();
    if (!list) {
      for (auto p = first_; p != last_; ++p)
        if (matches(*p)) visit(*p);
      return;
    }
    // A province's projects by their index, within the slice of the year.
    const auto lo = static_cast<std::uint32_t>(first_ - f_.projects.begin());
    const auto hi = static_cast<std::uint32_t>(last_ - f_.projects.begin());
    for (auto i = std::lower_bound(list->begin(), list->end(), lo); i != list->end() && *i < hi;
         ++i)
      if (const auto& p = f_.projects[*i]; matches(p)) visit(p);
  }

 private:
  // The ids of the programs with this code (by_code) or level; narrows earlier conditions.
  std::vector<std::int64_t> by_program(const std::string& value, bool by_code) const {
    std::vector<std::int64_t> ids;
    for (const auto& g : f_.programs)
      if ((by_code ? g.code : g.level) == value) ids.push_back(g.id);
    return ids;
  }
  void restrict(std::vector<std::int64_t> ids) {
    if (!by_program_) {
      programs_ = std::move(ids);
    } else {
      std::erase_if(programs_, [&](std::int64_t id) {
        return std::find(ids.begin(), ids.end(), id) == ids.end();
      });
    }
    by_program_ = true;
    if (programs_.empty()) none_ = true;
  }
  // A filter's code: kAny when the filter is not set; none_ when no project has it.
  Code code(const std::string& value) {
    if (value.empty()) return kAny;
    Code c = f_.find(value);
    if (c < 0) none_ = true;
    return c;
  }

  // The projects of the province a filter names, when one does.
  const std::vector<std::uint32_t>* listed() const {
    for (auto [code, lists] : {std::pair{scope_province_, &f_.in_province_2025},
                               std::pair{province_2025_, &f_.in_province_2025},
                               std::pair{province_2008_, &f_.in_province_2008}})
      if (code >= 0 && static_cast<std::size_t>(code) < lists->size())
        return &(*lists)[static_cast<std::size_t>(code)];
    return nullptr;
  }

  bool matches(const ReportFacts::Project& p) const {
    if (by_program_ && !std::binary_search(programs_.begin(), programs_.end(), p.program_id))
      return false;
    if (content_ != kAny && p.content != content_) return false;
    if (kind_ != kAny && p.kind != kind_) return false;
    if (organization_ > 0 && p.organization_id != organization_) return false;
    return placed(p, scope_province_, &ReportFacts::Place::province_2025) &&
           placed(p, province_2025_, &ReportFacts::Place::province_2025) &&
           placed(p, province_2008_, &ReportFacts::Place::province_2008) &&
           placed(p, region_, &ReportFacts::Place::region);
  }
  // Any of the project's places has this code (or the filter is not set).
  bool placed(const ReportFacts::Project& p, Code c, Code ReportFacts::Place::*field) const {
    if (c == kAny) return true;
    for (auto i = p.places; i < p.places_end; ++i)
      if (f_.places[i].*field == c) return true;
    return false;
  }

  static constexpr Code kAny = -2;
  const ReportFacts& f_;
  bool none_ = false, by_program_ = false;  // by_program_: only the projects of programs_
  std::vector<std::int64_t> programs_;
  Code content_ = kAny, kind_ = kAny, region_ = kAny, scope_province_ = kAny;
  Code province_2025_ = kAny, province_2008_ = kAny;
  std::int64_t organization_ = 0;
  std::vector<ReportFacts::Project>::const_iterator first_, last_;
};

}  // namespace

bool covers(const ListQuery& q) {
  return q.q.empty() && q.area.empty() && !q.id && q.scope_assignee == 0;
}

Completion completion(const ReportFacts& f, const ListQuery& q) {
  Completion out;
  // Like the SQL's current plan: with a year or a program every project of it counts as
  // cancelled; without, only those with a row in the plan's decisions.
  const bool sliced = q.year || q.program_id || !q.program_code.empty();
  struct Totals {
    bool seen = false;
    std::int64_t expected = 0, actual = 0;
  };
  std::vector<Totals> by(f.codes.size());
  Match(f, q).each([&](const ReportFacts::Project& p) {
    if (p.plan > 0) ++out.planned.count, out.planned.amount += p.plan;
    if (p.cancelled && (sliced || p.has_items)) ++out.cancelled.count;
    out.contracted.count += p.contracted, out.contracted.amount += p.contracted_vnd;
    out.settled.count += p.settled, out.settled.amount += p.settled_vnd;
    out.accepted.count += p.accepted, out.accepted.amount += p.accepted_vnd;
    out.disbursed += p.disbursed;
    out.released += p.released_contracts * p.plan - p.released_used;
    for (auto i = p.outputs; i < p.outputs_end; ++i) {
      const auto& o = f.outputs[i];
      auto& t = by[static_cast<std::size_t>(o.indicator)];
      if (o.planned && p.plan > 0) t.seen = true, t.expected += o.expected;
      if (o.accepted) t.seen = true, t.actual += o.actual;
    }
  });
  std::map<std::string, IndicatorTotal> sorted;
  for (std::size_t i = 0; i < by.size(); ++i)
    if (by[i].seen) sorted[f.codes[i]] = {f.codes[i], by[i].expected, by[i].actual};
  for (auto& [code, t] : sorted) out.outputs.push_back(t);
  return out;
}

std::vector<PlanGroup> plan_breakdown(const ReportFacts& f, const ListQuery& q, PlanDimension by) {
  // Groups by code index; the last slot for projects without a main place.
  std::vector<PlanGroup> slots(f.codes.size() + 1);
  auto key = [&](const ReportFacts::Project& p) -> std::size_t {
    Code c = -1;
    if (by == PlanDimension::content) c = p.content;
    if (by == PlanDimension::kind) c = p.kind;
    bool main = p.places < p.places_end && f.places[p.places].position == 0;
    if (by == PlanDimension::region && main) c = f.places[p.places].region;
    if (by == PlanDimension::province && main) c = f.places[p.places].province_2025;
    return c < 0 ? f.codes.size() : static_cast<std::size_t>(c);
  };
  Match(f, q).each([&](const ReportFacts::Project& p) {
    if (p.plan <= 0) return;
    auto& g = slots[key(p)];
    ++g.projects, g.plan_vnd += p.plan, g.counterpart_vnd += p.counterpart;
  });
  std::vector<PlanGroup> out;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].projects == 0) continue;
    slots[i].key = i < f.codes.size() ? f.codes[i] : "";
    out.push_back(std::move(slots[i]));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return out;
}

}  // namespace kc::store
