#pragma once
// Group projects' splits (migration 009): the letters that divide a group project's total among
// its beneficiary facilities. Letters are only ever inserted; the latest one holds.
#include <optional>
#include <string>
#include <vector>

#include "domain/money.h"
#include "store/db.h"

namespace kc::store {

struct SplitItem {
  std::int64_t facility_id = 0;
  Vnd amount = 0;
  std::string facility_name;  // filled on reading
};

struct GroupSplit {
  std::int64_t id = 0, project_id = 0, created_by = 0;
  std::string number, signed_on, created_at;
  Vnd total = 0;
  std::vector<SplitItem> items;
};

// Fills in s.id, s.created_at and the items' facility names.
Status insert_split(Connection& db, GroupSplit& s);
// The project's letters, oldest first, with their items.
Result<std::vector<GroupSplit>> project_splits(Connection& db, std::int64_t project_id);

}  // namespace kc::store
