#pragma once
// Trade fairs and exhibitions, and the booths the program supports there per facility
// (migration 018). Callers run writes inside a Transaction; an update matches (id, version).
#include <optional>
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "domain/money.h"
#include "domain/project.h"
#include "store/db.h"
#include "store/reference_repo.h"

namespace kc::store {

struct Fair {
  std::int64_t id = 0, version = 0;
  std::string code, name, place, organizer, starts_on, ends_on;  // dates ISO
  bool abroad = false;
  std::string country;                     // abroad only
  std::optional<ProvinceRef> province;     // in Vietnam only
  std::string province_2025, region_code;  // derived (read back; written from ProvinceFacts)
  std::optional<std::int64_t> project_id;  // the plan's project that funds the support
  // Read back: the booths supported there, their facilities and amount.
  std::int64_t booths = 0, facilities = 0;
  Vnd amount = 0;
};

struct BoothSupport {
  std::int64_t id = 0, fair_id = 0, facility_id = 0, booths = 0, created_by = 0;
  Vnd amount = 0;
  std::string created_at;
  // Read back: the facility's name and province (34-set), the fair's code, name and dates.
  std::string facility_name, facility_province_2025, fair_code, fair_name, fair_starts_on;
};

Result<Fair> get_fair(Connection& db, std::int64_t id);
// `pf`: the facts of the fair's province (empty for a fair abroad).
Result<std::int64_t> insert_fair(Connection& db, const Fair& f, const ProvinceFacts& pf);
Status update_fair(Connection& db, const Fair& f, const ProvinceFacts& pf);  // f.version read
// Filters: year (of its start), province/province_set, region, q (name, place, organizer,
// code), kind = "abroad" | "domestic"; sort: starts_on (default, newest first), name, booths.
Result<Page<Fair>> list_fairs(Connection& db, const ListQuery& q);
// The totals of the same filter: fairs, booths, facilities (distinct), amount.
struct FairTotals {
  std::int64_t fairs = 0, booths = 0, facilities = 0;
  Vnd amount = 0;
};
Result<FairTotals> fair_totals(Connection& db, const ListQuery& q);
Result<bool> fair_code_taken(Connection& db, const std::string& code, std::int64_t except_id);

Result<std::int64_t> insert_booth(Connection& db, BoothSupport& b);
// A fair's booths (by facility name), or a facility's (newest fair first).
Result<std::vector<BoothSupport>> fair_booths(Connection& db, std::int64_t fair_id);
Result<std::vector<BoothSupport>> facility_booths(Connection& db, std::int64_t facility_id);
Result<bool> booth_exists(Connection& db, std::int64_t fair_id, std::int64_t facility_id);

}  // namespace kc::store
