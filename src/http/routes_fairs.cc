// Trade fairs and the booths the program supports there (app/fairs.h).
#include "app/codec.h"
#include "app/fairs.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;
using nlohmann::json;

}  // namespace

void add_fair_routes(std::vector<Route>& t) {
  auto R = Permission::read_places, W = Permission::manage_fairs;
  t.push_back({"GET", "/api/v1/fairs",
               "Trade fairs and exhibitions, with the booths supported there and the filter's "
               "totals (year, province, region, kind=domestic|abroad, q)",
               R, list_of(app::list_fairs), true});
  t.push_back({"POST", "/api/v1/fairs", "Register a fair", W, create_with(app::create_fair)});
  t.push_back({"GET", "/api/v1/fairs/{id}", "One fair with its booth supports", R,
               get_one(app::fair_json), true});
  t.push_back({"PUT", "/api/v1/fairs/{id}", "Update a fair (send the version read)", W,
               post_to(app::update_fair)});
  t.push_back({"POST", "/api/v1/fairs/{id}/booths",
               "Support a facility's standard booths at the fair, within the dated ceiling per "
               "booth",
               W, post_to(app::add_booth, 201)});
}

}  // namespace kc::http
