#pragma once
// Programs, organizations and facilities. Every write sets updated_at and bumps version;
// updates match on (id, version) so that a stale write changes nothing and reports conflict.
// Callers run these inside a Transaction.
#include <map>
#include <optional>

#include "domain/list_query.h"
#include "domain/project.h"
#include "store/db.h"
#include "store/reference_repo.h"
#include "store/text_search.h"

namespace kc::store {

Result<Program> get_program(Connection& db, std::int64_t id);
Result<std::int64_t> insert_program(Connection& db, const Program& p);
Status update_program(Connection& db, const Program& p);  // p.version = the version read
Result<Page<Program>> list_programs(Connection& db, const ListQuery& q);

Result<Organization> get_organization(Connection& db, std::int64_t id);
Result<std::int64_t> insert_organization(Connection& db, const Organization& o,
                                         const ProvinceFacts& pf);
Status update_organization(Connection& db, const Organization& o, const ProvinceFacts& pf);
Result<Page<Organization>> list_organizations(Connection& db, const ListQuery& q);

Result<Facility> get_facility(Connection& db, std::int64_t id);
Result<std::int64_t> insert_facility(Connection& db, const Facility& f, const ProvinceFacts& pf);
Status update_facility(Connection& db, const Facility& f, const ProvinceFacts& pf);
// Searches through the trigram index (store/text_search.h): the total is exact up to
// `exact_total` matches, estimated past it.
Result<Page<Facility>> list_facilities(Connection& db, const ListQuery& q,
                                       std::int64_t exact_total = kExactTotal);

// The program with this code, or else with this id written as a number (nullopt when none);
// and every program's code by id.
Result<std::optional<std::int64_t>> find_program_id(Connection& db, const std::string& code);
Result<std::map<std::int64_t, std::string>> program_codes(Connection& db);

// Where an organization or facility is: its province in the 34-province set, or nullopt when
// there is no such record. `table` is "organizations" or "facilities".
Result<std::optional<std::string>> place_province(Connection& db, const char* table,
                                                  std::int64_t id);
// The smallest id of an organization of this kind (0 when none).
Result<std::int64_t> first_organization_of_kind(Connection& db, const std::string& kind);

// Shared by the repositories: after an UPDATE ... WHERE id = ? AND version = ? changed no
// row, tells whether the record is missing (not_found) or was changed by someone (conflict).
Error stale_or_missing(Connection& db, const char* table, std::int64_t id);

// One "%word%" pattern per word of the folded query, LIKE's wildcards escaped (use with
// ESCAPE '\'). A record matches a search when its search text matches every pattern, so
// "may ep gach phuoc dien" finds "Máy ép gạch không nung tại xã Phước Điền".
std::vector<std::string> search_patterns(const std::string& query);

}  // namespace kc::store
