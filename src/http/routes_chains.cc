// Production–consumption chains (app/chains.h).
#include "app/chains.h"
#include "http/reply.h"

namespace kc::http {

void add_chain_routes(std::vector<Route>& t) {
  using app::Permission;
  auto R = Permission::read_places, W = Permission::write_places;
  t.push_back({"GET", "/api/v1/chains",
               "Production–consumption chains with the filter's totals (province, q)", R,
               list_of(app::list_chains), true});
  t.push_back({"POST", "/api/v1/chains", "Record a chain: its facilities by role and its projects",
               W, create_with(app::create_chain)});
  t.push_back({"GET", "/api/v1/chains/{id}", "One chain with its facilities and its projects", R,
               get_one(app::chain_json), true});
  t.push_back({"PUT", "/api/v1/chains/{id}",
               "Update a chain, replacing its links and projects (send the version read)", W,
               post_to(app::update_chain)});
}

}  // namespace kc::http
