#include "app/demo_selection.h"

#include <random>

#include "app/reference.h"
#include "app/register.h"
#include "app/selection.h"
#include "app/workflow.h"
#include "store/account_repo.h"

namespace kc::app {
namespace {

using nlohmann::json;

Result<std::int64_t> user_id(store::Connection& db, const char* login) {
  auto u = store::find_user_by_login(db, login);
  if (!u) return std::unexpected(u.error());
  if (!*u) return std::unexpected(Error::internal(std::string("no demo account ") + login));
  return (*u)->id;
}

}  // namespace

Status demo_selection(store::Connection& db) {
  const Actor a = Actor::system("demo");
  const char* logins[] = {"appraiser1", "appraiser2", "appraiser3"};
  std::vector<std::int64_t> members;
  json council = json::array();
  for (const char* login : logins) {
    auto id = user_id(db, login);
    if (!id) return std::unexpected(id.error());
    members.push_back(*id);
    council.push_back({{"user_id", *id}, {"role", members.size() == 1 ? "chair" : "member"}});
  }
  const Date today = vietnam_today();
  auto round = open_selection_round(
      db, a,
      {{"year", today.year},
       {"level", "regional"},
       {"area_code", "BAC"},
       {"name", "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực miền Bắc năm " +
                    std::to_string(today.year)},
       {"closes_on", to_iso(add_days(today, 45))},
       {"members", council}});
  if (!round) return std::unexpected(round.error());
  const std::int64_t round_id = (*round)["id"];
  auto links = list_reference(db, "region-areas");
  if (!links) return std::unexpected(links.error());
  std::vector<std::int64_t> nominated;
  for (const auto& row : (*links)["items"]) {
    if (row.value("area_code", "") != "BAC" || nominated.size() >= 9) continue;
    ListQuery q;
    q.region = row.value("region_code", ""), q.page_size = 40;
    auto facilities = list_facilities(db, a, q);
    if (!facilities) return std::unexpected(facilities.error());
    int taken = 0;
    for (const auto& f : facilities->items) {
      if (f.industry.empty() || taken == 3 || nominated.size() >= 9) continue;
      json body = {{"facility_id", f.id},
                   {"name", "Sản phẩm " + f.industry + " — " + f.name},
                   {"group", f.industry.starts_with("Chế biến") ? "processed_food" : "handicraft"},
                   {"description", "Sản phẩm chủ lực của cơ sở, sản xuất hàng loạt."},
                   {"own_product", true},
                   {"mass_producible", true},
                   {"quality_declared", true},
                   {"safety_declared", true}};
      auto n = nominate_product(db, a, round_id, body);
      if (!n) {
        if (n.error().kind == ErrorKind::invalid_input) continue;  // e.g. still recognised
        return std::unexpected(n.error());
      }
      nominated.push_back((*n)["id"]), ++taken;
    }
  }
  // The council scores all but the last two; the third member has a conflict on the first.
  const json criteria = (*round)["criteria"];
  for (std::size_t i = 0; i + 2 < nominated.size(); ++i)
    for (std::size_t m = 0; m < members.size(); ++m) {
      const Actor member{Role::appraiser, members[m], logins[m], {}, 0};
      json body = {{"lines", json::array()}};
      if (i == 0 && m == 2) {
        body = {{"conflict", true}, {"conflict_note", "Người thân làm việc tại cơ sở"}};
      } else {
        std::mt19937_64 rng(static_cast<std::uint64_t>(nominated[i] * 7 + m));
        for (const auto& c : criteria) {
          const std::int64_t max = c["max_points"];
          body["lines"].push_back(
              {{"criterion", c["code"]},
               {"points", max * (55 + static_cast<std::int64_t>(rng() % 41)) / 100}});
        }
      }
      if (auto s = score_nomination(db, member, nominated[i], body); !s)
        return std::unexpected(s.error());
    }
  return {};
}

}  // namespace kc::app
