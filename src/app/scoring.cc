#include "app/scoring.h"

#include <map>
#include <set>

#include "app/appraisal.h"
#include "app/audit.h"
#include "app/checks.h"
#include "app/json_reader.h"
#include "app/round_conclusion.h"
#include "app/workflow.h"
#include "domain/project.h"
#include "store/appraisal_repo.h"
#include "store/project_repo.h"
#include "store/reference_repo.h"

namespace kc::app {
namespace {

struct Setting {
  Council council;
  Round round;
};

Result<Setting> load(store::Connection& db, const Actor& a, std::int64_t council_id) {
  auto c = get_council(db, a, council_id);
  if (!c) return std::unexpected(c.error());
  auto r = store::get_round(db, c->round_id);
  if (!r) return std::unexpected(r.error());
  return Setting{std::move(*c), std::move(*r)};
}

}  // namespace

bool manages_council(const Actor& a, const Council& c) {
  if (a.role == Role::system || a.role == Role::department) return true;
  return a.role == Role::province && c.level == "province" && c.province_2025 == a.province_2025;
}

namespace {

// The council and its round, for a user who manages it (403 otherwise).
Result<Setting> load_managed(store::Connection& db, const Actor& a, std::int64_t council_id) {
  auto s = load(db, a, council_id);
  if (s && !manages_council(a, s->council))
    return std::unexpected(Error::forbidden("you do not manage this council"));
  return s;
}

std::string_view stage_of(const Council& c) {
  return c.level == "province" ? "province_appraisal" : "ministry_appraisal";
}

// The acting member's assignment, or why there is none.
Result<ScoreSheet> own_sheet(store::Connection& db, const Actor& a, const Setting& s,
                             std::int64_t project_id) {
  if (!may(a, Permission::score)) return std::unexpected(Error::forbidden());
  auto sheet = store::find_sheet(db, s.council.id, project_id, a.user_id);
  if (!sheet) return std::unexpected(sheet.error());
  if (!*sheet)
    return std::unexpected(
        Error::forbidden("you are not assigned to this proposal in this council"));
  return std::move(**sheet);
}

json criteria_json(const Round& r) {
  return to_json(r)["criteria"];
}

json sheet_json(const ScoreSheet& s, const Round& r) {
  json lines = json::array();
  for (const auto& l : s.lines)
    lines.push_back({{"criterion", l.criterion}, {"points", l.points}, {"comment", l.comment}});
  return {{"council_id", s.council_id},
          {"project_id", s.project_id},
          {"user_id", s.user_id},
          {"conflict", s.conflict},
          {"conflict_note", s.conflict_note},
          {"criteria", criteria_json(r)},
          {"lines", lines},
          {"total", total_of(s)},
          {"complete", !s.conflict && is_complete(s, r.criteria)}};
}

// The project as read, or nothing (with a field error) when it is missing or not in this stage.
Result<std::optional<Project>> check_in_stage(store::Connection& db, const Setting& s,
                                              std::int64_t project_id, const std::string& field,
                                              std::vector<FieldError>& errors) {
  auto p = store::get_project(db, project_id);
  if (!p) {
    if (p.error().kind != ErrorKind::not_found) return std::unexpected(p.error());
    errors.push_back({field, FieldCode::no_such_record});
    return std::nullopt;
  }
  bool in_round = p->program_id == s.round.program_id && p->year == s.round.year;
  bool in_province = true;
  if (s.council.level == "province") {
    auto f = p->provinces.empty() ? Result<std::optional<store::ProvinceFacts>>{}
                                  : store::find_province(db, p->provinces.front());
    if (!f) return std::unexpected(f.error());
    in_province = *f && (*f)->province_2025 == s.council.province_2025;
  }
  if (p->status != stage_of(s.council) || !in_round || !in_province) {
    errors.push_back({field, FieldCode::not_in_stage, {{"status", p->status}}});
    return std::nullopt;
  }
  return std::optional<Project>(std::move(*p));
}

// The council's score of a proposal on a 100-point scale, in hundredths (none when unscored).
Result<std::optional<std::int64_t>> concluded_score(store::Connection& db, const Setting& s,
                                                    std::int64_t project_id) {
  auto sheets = store::council_sheets(db, s.council.id);
  if (!sheets) return std::unexpected(sheets.error());
  std::vector<ScoreSheet> own;
  for (const auto& sh : *sheets)
    if (sh.project_id == project_id) own.push_back(sh);
  AggregationRules rules{s.round.pass_mark.value_or(50), s.round.trim_extremes.value_or(false),
                         s.round.outlier_points.value_or(20)};
  auto g = aggregate(project_id, own, s.round.criteria, rules);
  std::int64_t max_total = 0;
  for (const auto& c : s.round.criteria) max_total += c.max_points;
  if (!g.scored || g.used == 0 || max_total == 0) return std::nullopt;
  // sum / used points of max_total, as hundredths of a 100-point score, rounded half up.
  std::int64_t num = g.sum * 10000, den = static_cast<std::int64_t>(g.used) * max_total;
  return std::optional<std::int64_t>((2 * num + den) / (2 * den));
}

}  // namespace

Result<json> assign_projects(store::Connection& db, const Actor& a, std::int64_t council_id,
                             const std::vector<std::int64_t>& project_ids,
                             const std::vector<std::int64_t>& user_ids) {
  if (!may(a, Permission::manage_councils)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto s = load_managed(db, a, council_id);
    if (!s) return std::unexpected(s.error());
    std::vector<FieldError> errors;
    if (project_ids.empty()) errors.push_back({"project_ids", FieldCode::not_empty});
    for (std::size_t i = 0; i < project_ids.size(); ++i)
      if (auto st =
              check_in_stage(db, *s, project_ids[i], "project_ids/" + std::to_string(i), errors);
          !st)
        return std::unexpected(st.error());
    std::vector<std::int64_t> users = user_ids;
    if (users.empty())
      for (const auto& m : s->council.members)
        if (m.role != "secretary") users.push_back(m.user_id);
    for (std::size_t i = 0; i < user_ids.size(); ++i) {
      bool member = false;
      for (const auto& m : s->council.members) member |= m.user_id == user_ids[i];
      if (!member) errors.push_back({"user_ids/" + std::to_string(i), FieldCode::no_such_record});
    }
    if (auto f = fail_if_any(std::move(errors), "assignment"); !f)
      return std::unexpected(f.error());
    if (auto w = store::add_assignments(db, council_id, project_ids, users); !w)
      return std::unexpected(w.error());
    json after = {{"project_ids", project_ids}, {"user_ids", users}};
    if (auto w = audit(db, a, "councils", council_id, "assign", nullptr, after); !w)
      return std::unexpected(w.error());
    return json{{"assigned", project_ids.size() * users.size()}};
  });
}

Result<json> declare_conflict(store::Connection& db, const Actor& a, std::int64_t council_id,
                              std::int64_t project_id, const std::string& note) {
  return in_write_tx(db, [&]() -> Result<json> {
    auto s = load(db, a, council_id);
    if (!s) return std::unexpected(s.error());
    auto sheet = own_sheet(db, a, *s, project_id);
    if (!sheet) return std::unexpected(sheet.error());
    if (auto w = store::set_conflict(db, council_id, project_id, a.user_id, note); !w)
      return std::unexpected(w.error());
    json after = {{"project_id", project_id}, {"user_id", a.user_id}, {"note", note}};
    if (auto w = audit(db, a, "councils", council_id, "conflict", nullptr, after, note); !w)
      return std::unexpected(w.error());
    auto fresh = store::find_sheet(db, council_id, project_id, a.user_id);
    if (!fresh) return std::unexpected(fresh.error());
    return sheet_json(**fresh, s->round);
  });
}

Result<json> my_sheet(store::Connection& db, const Actor& a, std::int64_t council_id,
                      std::int64_t project_id) {
  auto s = load(db, a, council_id);
  if (!s) return std::unexpected(s.error());
  auto sheet = own_sheet(db, a, *s, project_id);
  if (!sheet) return std::unexpected(sheet.error());
  return sheet_json(*sheet, s->round);
}

Result<ScoreSheet> sheet_from_json(const json& j) {
  std::vector<FieldError> errors;
  JsonReader r(j, "", errors);
  ScoreSheet s;
  if (const json* lines = r.array("lines", true)) {
    for (std::size_t i = 0; i < lines->size(); ++i) {
      JsonReader l((*lines)[i], "lines/" + std::to_string(i) + "/", errors);
      if (!l.is_object()) continue;
      ScoreLine line{l.text("criterion", true), l.integer("points", true).value_or(-1),
                     l.text("comment", false)};
      l.finish();
      s.lines.push_back(std::move(line));
    }
  }
  r.finish();
  if (!errors.empty())
    return std::unexpected(Error::invalid("the score sheet has invalid fields", errors));
  return s;
}

Result<json> save_sheet(store::Connection& db, const Actor& a, const ScoreSheet& in) {
  return in_write_tx(db, [&]() -> Result<json> {
    auto s = load(db, a, in.council_id);
    if (!s) return std::unexpected(s.error());
    auto sheet = own_sheet(db, a, *s, in.project_id);
    if (!sheet) return std::unexpected(sheet.error());
    if (sheet->conflict)
      return std::unexpected(conflict("conflict_declared",
                                      "you declared a conflict of interest on this proposal; "
                                      "you cannot score it"));
    auto p = store::get_project(db, in.project_id);
    if (!p) return std::unexpected(p.error());
    if (p->status != stage_of(s->council))
      return std::unexpected(
          conflict("not_in_stage", "the proposal is " + p->status + "; scoring is closed for it"));
    std::vector<FieldError> errors = check_score_lines(in.lines, s->round.criteria);
    if (auto f = fail_if_any(std::move(errors), "score sheet"); !f)
      return std::unexpected(f.error());
    ScoreSheet out = *sheet;
    out.lines = in.lines;
    if (auto w = store::replace_scores(db, out); !w) return std::unexpected(w.error());
    json before = sheet_json(*sheet, s->round)["lines"], after = sheet_json(out, s->round)["lines"];
    if (auto w = audit(db, a, "councils", in.council_id, "score",
                       {{"project_id", in.project_id}, {"lines", before}},
                       {{"project_id", in.project_id}, {"lines", after}});
        !w)
      return std::unexpected(w.error());
    return sheet_json(out, s->round);
  });
}

Result<json> council_ranking(store::Connection& db, const Actor& a, std::int64_t council_id) {
  auto s = load(db, a, council_id);
  if (!s) return std::unexpected(s.error());
  auto sheets = store::council_sheets(db, council_id);
  if (!sheets) return std::unexpected(sheets.error());
  auto projects = store::council_projects(db, council_id);
  if (!projects) return std::unexpected(projects.error());
  auto conclusions = store::council_conclusions(db, council_id);
  if (!conclusions) return std::unexpected(conclusions.error());
  std::map<std::int64_t, const store::Conclusion*> concluded;
  for (const auto& c : *conclusions) concluded[c.project_id] = &c;

  std::map<std::int64_t, std::vector<ScoreSheet>> by_project;
  struct MemberProgress {
    int assigned = 0, scored = 0, conflicts = 0;
  };
  std::map<std::int64_t, MemberProgress> progress;
  for (const auto& sh : *sheets) {
    by_project[sh.project_id].push_back(sh);
    auto& m = progress[sh.user_id];
    ++m.assigned;
    m.conflicts += sh.conflict;
    m.scored += !sh.conflict && is_complete(sh, s->round.criteria);
  }
  AggregationRules rules{s->round.pass_mark.value_or(50), s->round.trim_extremes.value_or(false),
                         s->round.outlier_points.value_or(20)};
  std::vector<RankInput> inputs;
  for (const auto& p : *projects)
    inputs.push_back(
        {aggregate(p.id, by_project[p.id], s->round.criteria, rules), p.requested_vnd, p.code});
  json items = json::array();
  int rank = 0;
  for (auto i : rank_order(inputs)) {
    const auto& p = (*projects)[i];
    const auto& g = inputs[i].aggregate;
    json item = {{"rank", g.scored ? json(++rank) : json(nullptr)},
                 {"project_id", p.id},
                 {"code", p.code},
                 {"title", p.title},
                 {"status", p.status},
                 {"content_code", p.content_code},
                 {"province", p.province_2025},
                 {"requested_vnd", p.requested_vnd},
                 {"assigned", g.assigned},
                 {"conflicts", g.conflicts},
                 {"counted", g.counted},
                 {"expected", g.assigned - g.conflicts},
                 {"scored", g.scored},
                 {"score", g.scored ? json(g.score) : json(nullptr)},
                 {"sum", g.sum},
                 {"used", g.used},
                 {"spread", g.spread},
                 {"outliers", g.outliers},
                 {"floors_missed", g.floors_missed},
                 {"passed", g.passed},
                 {"conclusion", nullptr},
                 {"note", nullptr}};
    if (auto it = concluded.find(p.id); it != concluded.end())
      item["conclusion"] = it->second->conclusion, item["note"] = it->second->note;
    items.push_back(std::move(item));
  }
  json members = json::array();
  for (const auto& m : s->council.members) {
    auto& pr = progress[m.user_id];
    members.push_back({{"user_id", m.user_id},
                       {"name", m.name},
                       {"role", m.role},
                       {"assigned", pr.assigned},
                       {"scored", pr.scored},
                       {"conflicts", pr.conflicts}});
  }
  return json{{"council", to_json(s->council)},
              {"round", to_json(s->round)},
              {"members", members},
              {"items", items}};
}

Result<json> conclude(store::Connection& db, const Actor& a, std::int64_t council_id,
                      std::int64_t project_id, const std::string& conclusion,
                      const std::string& note) {
  if (!may(a, Permission::manage_councils)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<json> {
    auto s = load_managed(db, a, council_id);
    if (!s) return std::unexpected(s.error());
    if (!is_one_of(conclusion, kConclusions))
      return std::unexpected(Error::invalid(
          "unknown conclusion",
          {{"conclusion", FieldCode::one_of, {{"allowed", list_of(kConclusions)}}}}));
    if (auto closed = check_round_open_for_conclusions(db, council_id); !closed)
      return std::unexpected(closed.error());
    std::vector<FieldError> errors;
    auto p = check_in_stage(db, *s, project_id, "project_id", errors);
    if (!p) return std::unexpected(p.error());
    if (auto f = fail_if_any(std::move(errors), "conclusion"); !f)
      return std::unexpected(f.error());
    if (auto w = store::put_conclusion(db, council_id, {project_id, conclusion, note}); !w)
      return std::unexpected(w.error());
    json after = {{"project_id", project_id}, {"conclusion", conclusion}, {"note", note}};
    if (auto w = audit(db, a, "councils", council_id, "conclude", nullptr, after, note); !w)
      return std::unexpected(w.error());
    if (s->council.level == "ministry") {
      const Project& project = **p;
      TransitionRequest t{project_id, project.version, conclusion == "fail" ? "fail" : "pass", note,
                          vietnam_today()};
      if (conclusion != "fail") {
        auto score = concluded_score(db, *s, project_id);
        if (!score) return std::unexpected(score.error());
        if (*score) {
          if (auto w = store::set_project_score(db, project_id, **score); !w)
            return std::unexpected(w.error());
          after["score"] = static_cast<double>(**score) / 100;
        }
      }
      if (auto moved = apply_transition(db, a, project, t); !moved)
        return std::unexpected(moved.error());
    }
    return after;
  });
}

}  // namespace kc::app
