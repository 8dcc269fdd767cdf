// Scoring and concluding a selection round (app/selection.h).
#include <cmath>

#include "app/audit.h"
#include "app/checks.h"
#include "app/json_reader.h"
#include "app/scoring.h"
#include "app/selection.h"
#include "app/selection_ranking.h"
#include "app/typical_products.h"

namespace kc::app {
namespace {

using nlohmann::json;

json lines_json(const std::vector<ScoreLine>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back({{"criterion", l.criterion}, {"points", l.points}});
  return out;
}

}  // namespace

Result<json> score_nomination(store::Connection& db, const Actor& a, std::int64_t nomination_id,
                              const json& body) {
  if (!may(a, Permission::score)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  const bool conflict = r.boolean("conflict");
  std::string note = r.text("conflict_note", false);
  r.ignore("lines");
  r.finish();
  ScoreSheet sheet;
  if (!conflict || (body.is_object() && body.contains("lines"))) {
    auto parsed =
        sheet_from_json(json{{"lines", body.is_object() ? body.value("lines", json()) : json()}});
    if (!parsed) {
      for (const auto& f : parsed.error().fields) errors.push_back(f);
    } else {
      sheet.lines = std::move(parsed->lines);
    }
  }
  return in_write_tx(db, [&]() -> Result<json> {
    auto n = store::get_nomination(db, nomination_id);
    if (!n) return std::unexpected(n.error());
    auto round = store::get_selection_round(db, n->round_id);
    if (!round) return std::unexpected(round.error());
    bool member = false;
    for (const auto& m : round->members) member |= m.user_id == a.user_id;
    if (!member) return std::unexpected(Error::not_found("nomination not found"));
    if (round->status != "open")
      errors.push_back({"round", FieldCode::round_closed, {{"date", round->recognized_on}}});
    for (auto& e : check_score_lines(sheet.lines, round->criteria)) errors.push_back(e);
    if (!conflict)
      for (const auto& c : round->criteria) {
        bool given = false;
        for (const auto& l : sheet.lines) given |= l.criterion == c.code;
        if (!given) errors.push_back({"lines", FieldCode::required_for, {{"what", c.code}}});
      }
    if (auto s = fail_if_any(std::move(errors), "score sheet"); !s)
      return std::unexpected(s.error());
    sheet.project_id = nomination_id, sheet.user_id = a.user_id, sheet.conflict = conflict;
    if (conflict) sheet.lines.clear();
    if (auto s = store::save_nomination_sheet(db, sheet, note); !s)
      return std::unexpected(s.error());
    json view = {{"nomination_id", nomination_id},
                 {"conflict", conflict},
                 {"lines", lines_json(sheet.lines)},
                 {"total", conflict ? 0 : total_of(sheet)}};
    if (auto s = audit(db, a, "nominations", nomination_id, "score", nullptr, view); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> conclude_selection(store::Connection& db, const Actor& a, std::int64_t round_id,
                                const json& body) {
  if (!may(a, Permission::manage_products)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto on = r.date("recognized_on", true);
  r.finish();
  return in_write_tx(db, [&]() -> Result<json> {
    auto round = store::get_selection_round(db, round_id);
    if (!round) return std::unexpected(round.error());
    if (a.role == Role::province &&
        (!is_local(round->level) || round->province_2025 != a.province_2025))
      return std::unexpected(Error::not_found("selection round not found"));
    if (round->status != "open")
      errors.push_back({"round", FieldCode::round_closed, {{"date", round->recognized_on}}});
    if (on && to_iso(*on) < round->closes_on)
      errors.push_back({"recognized_on", FieldCode::before_start});
    auto ranked = rank_round(db, *round);
    if (!ranked) return std::unexpected(ranked.error());
    for (const auto& rn : *ranked)
      if (!rn.aggregate.scored)
        errors.push_back({"nominations/" + std::to_string(rn.nomination.id),
                          FieldCode::required_for,
                          {{"what", "a score"}}});
    if (auto s = fail_if_any(std::move(errors), "conclusion"); !s)
      return std::unexpected(s.error());
    json recognized = json::array();
    for (const auto& rn : *ranked) {
      const auto& n = rn.nomination;
      std::optional<std::int64_t> product;
      if (rn.aggregate.passed) {
        json p = {{"certificate_no", "SPTB-" + std::to_string(round->year) + "-" +
                                         std::to_string(round->id) + "-" + std::to_string(n.id)},
                  {"name", n.name},
                  {"group", n.group},
                  {"description", n.description},
                  {"facility_id", n.facility_id},
                  {"level", round->level},
                  {"year", round->year},
                  {"score", std::floor(rn.aggregate.score * 100) / 100},
                  {"recognized_on", to_iso(*on)}};
        if (round->level == "regional") p["area_code"] = round->area_code;
        auto made = recognize_product(db, a, p);
        if (!made) return std::unexpected(made.error());
        product = (*made)["id"].get<std::int64_t>();
        recognized.push_back(*made);
      }
      if (auto s = store::set_nomination_result(db, n.id, product ? "recognized" : "not_recognized",
                                                product);
          !s)
        return std::unexpected(s.error());
    }
    round->recognized_on = to_iso(*on);
    if (auto s = store::conclude_selection_round(db, *round); !s) return std::unexpected(s.error());
    json out = {{"round_id", round_id},
                {"recognized_on", round->recognized_on},
                {"nominations", ranked->size()},
                {"recognized", recognized}};
    if (auto s = audit(db, a, "selection_rounds", round_id, "conclude", nullptr,
                       {{"recognized_on", out["recognized_on"]},
                        {"nominations", out["nominations"]},
                        {"recognized", recognized.size()}});
        !s)
      return std::unexpected(s.error());
    return out;
  });
}

}  // namespace kc::app
