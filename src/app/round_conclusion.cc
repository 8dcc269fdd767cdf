#include "app/round_conclusion.h"

#include "app/appraisal.h"
#include "app/audit.h"
#include "app/checks.h"
#include "app/json_reader.h"
#include "app/scoring.h"
#include "store/appraisal_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

json to_json(const store::RoundConclusion& c) {
  return {
      {"council_id", c.council_id}, {"concluded_on", c.concluded_on},        {"summary", c.summary},
      {"passed", c.passed},         {"passed_with_changes", c.with_changes}, {"failed", c.failed},
      {"created_at", c.created_at}};
}

}  // namespace

Status check_round_open_for_conclusions(store::Connection& db, std::int64_t council_id) {
  auto done = store::round_conclusion(db, council_id);
  if (!done) return std::unexpected(done.error());
  if (*done)
    return std::unexpected(conflict("already_concluded",
                                    "the council concluded its round on " + (*done)->concluded_on +
                                        "; its proposals' conclusions are final"));
  return {};
}

Result<json> conclude_round(store::Connection& db, const Actor& a, std::int64_t council_id,
                            const json& body) {
  if (!may(a, Permission::manage_councils)) return std::unexpected(Error::forbidden());
  std::vector<FieldError> errors;
  JsonReader r(body, "", errors);
  auto on = r.date("concluded_on", true);
  std::string summary = r.text("summary", true);
  if (r.has("summary") && summary.empty()) r.error("summary", FieldCode::not_empty);
  r.finish();
  return in_write_tx(db, [&]() -> Result<json> {
    auto council = get_council(db, a, council_id);
    if (!council) return std::unexpected(council.error());
    if (auto f = fail_if_any(std::move(errors), "round conclusion"); !f)
      return std::unexpected(f.error());
    if (!manages_council(a, *council))
      return std::unexpected(Error::forbidden("you do not manage this council"));
    if (auto s = check_round_open_for_conclusions(db, council_id); !s)
      return std::unexpected(s.error());
    auto projects = store::council_projects(db, council_id);
    if (!projects) return std::unexpected(projects.error());
    auto conclusions = store::council_conclusions(db, council_id);
    if (!conclusions) return std::unexpected(conclusions.error());
    store::RoundConclusion c;
    c.council_id = council_id;
    for (const auto& k : *conclusions)
      ++(k.conclusion == "pass" ? c.passed : k.conclusion == "fail" ? c.failed : c.with_changes);
    auto open = static_cast<std::int64_t>(projects->size()) -
                static_cast<std::int64_t>(conclusions->size());
    if (projects->empty() || open > 0)
      return std::unexpected(
          conflict("unconcluded", std::to_string(projects->empty() ? 0 : open) + " of " +
                                      std::to_string(projects->size()) +
                                      " proposals before the council have no conclusion yet"));
    c.concluded_on = to_iso(*on), c.summary = summary, c.created_by = a.user_id;
    if (auto s = store::insert_round_conclusion(db, c); !s) return std::unexpected(s.error());
    json view = to_json(c);
    if (auto s = audit(db, a, "councils", council_id, "conclude_round", nullptr, view, summary); !s)
      return std::unexpected(s.error());
    return view;
  });
}

Result<json> round_conclusion_json(store::Connection& db, const Actor& a, std::int64_t council_id) {
  auto tx = store::Transaction::read(db);
  if (!tx) return std::unexpected(tx.error());
  auto council = get_council(db, a, council_id);
  if (!council) return std::unexpected(council.error());
  auto c = store::round_conclusion(db, council_id);
  if (!c) return std::unexpected(c.error());
  if (!*c) return std::unexpected(Error::not_found("the council has not concluded its round"));
  return to_json(**c);
}

}  // namespace kc::app
