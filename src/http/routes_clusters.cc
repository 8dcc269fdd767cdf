// The register of industrial clusters (app/clusters.h).
#include "app/clusters.h"
#include "app/codec.h"
#include "http/reply.h"

namespace kc::http {
namespace {

using app::Permission;

}  // namespace

void add_cluster_routes(std::vector<Route>& t) {
  auto R = Permission::read_places, W = Permission::manage_clusters;
  t.push_back({"GET", "/api/v1/clusters",
               "Industrial clusters, with the filter's totals (province, region, status, q)", R,
               list_of(app::list_clusters), true});
  t.push_back({"POST", "/api/v1/clusters", "Register an industrial cluster", W,
               create_with(app::create_cluster)});
  t.push_back({"GET", "/api/v1/clusters/{id}",
               "One industrial cluster with the checks of the rules and its supporting projects", R,
               get_one(app::cluster_json), true});
  t.push_back({"PUT", "/api/v1/clusters/{id}", "Update a cluster (send the version read)", W,
               post_to(app::update_cluster)});
}

}  // namespace kc::http
