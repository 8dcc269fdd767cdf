// Localities' petitions to the department (app/petitions.h).
#include "app/petitions.h"
#include "http/reply.h"

namespace kc::http {

void add_petition_routes(std::vector<Route>& t) {
  using app::Permission;
  auto R = Permission::read_petitions, W = Permission::answer_petitions;
  t.push_back({"GET", "/api/v1/petitions",
               "Localities' petitions (status, province, kind=overdue, q; a province: its own)", R,
               list_of(app::list_petitions), true});
  t.push_back({"POST", "/api/v1/petitions", "File a petition to the department (a province)",
               Permission::file_petitions, create_with(app::file_petition)});
  t.push_back({"GET", "/api/v1/petitions/{id}", "One petition with its answer", R,
               get_one(app::petition_json), true});
  t.push_back({"POST", "/api/v1/petitions/{id}/assign",
               "Assign a petition to a department officer (send the version read)", W,
               post_to(app::assign_petition)});
  t.push_back({"POST", "/api/v1/petitions/{id}/answer",
               "Answer a petition, and publish the answer or not (send the version read)", W,
               post_to(app::answer_petition)});
}

}  // namespace kc::http
