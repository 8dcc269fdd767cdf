#pragma once
// The selection of typical products (migration 025): rounds, their council members,
// nominations and score sheets. Callers run writes inside a Transaction; an update matches
// (id, version).
#include <optional>
#include <string>
#include <vector>

#include "domain/appraisal.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

struct SelectionRound {
  std::int64_t id = 0, year = 0, pass_mark = 0, created_by = 0, version = 0;
  std::string level, area_code, province_2025, name, closes_on, status, recognized_on;
  std::vector<Criterion> criteria;
  std::vector<CouncilMember> members;  // read back by get_selection_round
  std::int64_t nominations = 0;        // read back by list_selection_rounds
};

struct Nomination {
  std::int64_t id = 0, round_id = 0, facility_id = 0, nominated_by = 0, version = 0;
  std::string province_2025, name, name_key, group, description, status;
  std::optional<std::int64_t> typical_product_id;
  std::string facility_name;  // read back
};

Result<SelectionRound> get_selection_round(Connection& db, std::int64_t id);
Result<std::int64_t> insert_selection_round(Connection& db, const SelectionRound& r);
// Writes status and recognized_on (r.version: the one read).
Status conclude_selection_round(Connection& db, const SelectionRound& r);
// Filters: year, kind (= level), scope_assignee (an appraiser: only the rounds they sit on).
// Newest year first.
Result<Page<SelectionRound>> list_selection_rounds(Connection& db, const ListQuery& q);

Result<std::int64_t> insert_nomination(Connection& db, const Nomination& n);
Result<Nomination> get_nomination(Connection& db, std::int64_t id);
// A round's nominations (only a province's own with `province`), by province then name.
Result<std::vector<Nomination>> round_nominations(Connection& db, std::int64_t round_id,
                                                  const std::string& province);
Status set_nomination_result(Connection& db, std::int64_t id, const std::string& status,
                             std::optional<std::int64_t> typical_product_id);
Result<bool> nomination_exists(Connection& db, std::int64_t round_id, std::int64_t facility_id,
                               const std::string& name_key);

// A sheet's nomination_id is kept in ScoreSheet::project_id (the aggregation's key).
Status save_nomination_sheet(Connection& db, const ScoreSheet& s, const std::string& conflict_note);
Result<std::vector<ScoreSheet>> round_sheets(Connection& db, std::int64_t round_id);

}  // namespace kc::store
