#pragma once
// Production–consumption chains (migration 024): a product line's facilities as suppliers,
// producers and buyers, and the projects that built the chain. Callers run writes inside a
// Transaction; an update matches (id, version) and replaces the links and the projects.
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

struct ChainLink {
  std::int64_t facility_id = 0;
  std::string role;  // supplier | producer | buyer
  // Read back.
  std::string facility_name, facility_kind, industry, province_2025;
};

struct ChainProject {
  std::int64_t project_id = 0, year = 0, requested_vnd = 0;
  std::string code, title, kind, status, province_2025;  // kind: regular | point | group
};

struct Chain {
  std::int64_t id = 0, version = 0;
  std::string name, product_line, province_2025, description;
  // Read back by list_chains: how many links of each role, and projects.
  std::int64_t suppliers = 0, producers = 0, buyers = 0, projects = 0, requested_vnd = 0;
};

Result<Chain> get_chain(Connection& db, std::int64_t id);
Result<std::int64_t> insert_chain(Connection& db, const Chain& c);
Status update_chain(Connection& db, const Chain& c);
// Replaces the chain's links and projects.
Status set_chain_members(Connection& db, std::int64_t chain_id, const std::vector<ChainLink>& links,
                         const std::vector<std::int64_t>& projects);
Result<std::vector<ChainLink>> chain_links(Connection& db, std::int64_t chain_id);
Result<std::vector<ChainProject>> chain_projects(Connection& db, std::int64_t chain_id);
// Filters: province (34-set), q (name, product line); by product line, then name. Each with
// its counts and what its projects requested from the program.
Result<Page<Chain>> list_chains(Connection& db, const ListQuery& q);
// The filter's counts summed (id: how many chains).
Result<Chain> chain_totals(Connection& db, const ListQuery& q);

// The demo's material: (industry, 34-set province) with at least `min` facilities, the largest
// groups first, each with its facilities (by id) and whether each was a beneficiary of an
// accepted project, and those projects.
struct ChainSeed {
  std::string industry, province_2025;
  std::vector<std::pair<std::int64_t, bool>> facilities;  // id, supported
  std::vector<std::int64_t> projects;
};
Result<std::vector<ChainSeed>> chain_seeds(Connection& db, int min, int limit);

}  // namespace kc::store
