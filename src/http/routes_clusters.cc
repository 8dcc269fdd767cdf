// The register of industrial clusters (app/clusters.h).
#include "app/cluster_reports.h"
#include "app/clusters.h"
#include "app/codec.h"
#include "http/reply.h"

namespace kc::http {
using app::Permission;

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
  t.push_back({"GET", "/api/v1/cluster-reports",
               "The clusters' half-year and year reports (year, kind, province, status, q)", R,
               list_of(app::list_cluster_reports), true});
  t.push_back({"POST", "/api/v1/cluster-reports",
               "Record a cluster's report for a period (a province: its own clusters)", W,
               create_with(app::record_cluster_report)});
  t.push_back({"GET", "/api/v1/cluster-reports/summary",
               "The national view of a reporting period, per province (year, kind required)", R,
               list_of(app::cluster_report_summary), true});
  t.push_back({"POST", "/api/v1/cluster-reports/compile",
               "Compile a province's period: the reported figures go into the register", W,
               create_with(app::compile_cluster_reports)});
  t.push_back({"GET", "/api/v1/cluster-reports/{id}", "One cluster report", R,
               get_one(app::cluster_report_json), true});
  t.push_back({"PUT", "/api/v1/cluster-reports/{id}",
               "Correct a cluster report (send the version read); it is compiled again", W,
               post_to(app::correct_cluster_report)});
}

}  // namespace kc::http
