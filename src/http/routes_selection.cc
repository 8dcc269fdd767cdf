// The selection of typical products: rounds, nominations, score sheets (app/selection.h).
#include "app/selection.h"
#include "http/reply.h"

namespace kc::http {

void add_selection_routes(std::vector<Route>& t) {
  using app::Permission;
  auto R = Permission::read_rounds, W = Permission::manage_products;
  t.push_back({"GET", "/api/v1/selection-rounds",
               "Typical-product selection rounds (year, kind = level); an appraiser: their own", R,
               list_of(app::list_selection_rounds), true});
  t.push_back({"POST", "/api/v1/selection-rounds",
               "Open a selection round with its scoring council", W,
               create_with(app::open_selection_round)});
  t.push_back({"GET", "/api/v1/selection-rounds/{id}",
               "A selection round with its nominations (and, for whoever may see them, scores)", R,
               get_one(app::selection_round_json), true});
  t.push_back({"POST", "/api/v1/selection-rounds/{id}/nominations",
               "Nominate a facility's product (a province: its own facilities)", W,
               post_to(app::nominate_product, 201)});
  t.push_back({"POST", "/api/v1/selection-rounds/{id}/conclude",
               "Conclude a round: its passing nominations become typical products", W,
               post_to(app::conclude_selection)});
  t.push_back({"PUT", "/api/v1/nominations/{id}/sheet",
               "Score a nomination, or declare a conflict (a member of the round's council)",
               Permission::score, post_to(app::score_nomination)});
}

}  // namespace kc::http
