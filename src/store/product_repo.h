#pragma once
// Typical rural industrial products recognised at a level, with their certificates (migration
// 019). Only ever inserted; callers run writes inside a Transaction.
#include <optional>
#include <string>
#include <vector>

#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

struct TypicalProduct {
  std::int64_t id = 0, facility_id = 0, year = 0, created_by = 0;
  std::string certificate_no, verify_code, name, name_key, group, description, province_2025;
  std::string level, area_code, recognized_on, valid_until, created_at;  // dates ISO
  std::optional<std::int64_t> score_x100, project_id;
  std::string facility_name;  // read back
};

Result<std::int64_t> insert_product(Connection& db, TypicalProduct& p);
Result<TypicalProduct> get_product(Connection& db, std::int64_t id);
Result<std::optional<TypicalProduct>> product_by_code(Connection& db, const std::string& code);
// Filters: year, kind (= the level), area, province (34-set), q; scope_province narrows to a
// province's own facilities. Newest year first, then certificate number.
Result<Page<TypicalProduct>> list_products(Connection& db, const ListQuery& q);
// The count of the same filter by level.
Result<std::vector<std::pair<std::string, std::int64_t>>> products_by_level(Connection& db,
                                                                            const ListQuery& q);
// The latest recognition of this product (facility and folded name) at this level that is
// still valid on `on` (nullopt when none).
Result<std::optional<TypicalProduct>> valid_recognition(Connection& db, std::int64_t facility_id,
                                                        const std::string& name_key,
                                                        const std::string& level,
                                                        const std::string& on);
Result<bool> certificate_taken(Connection& db, const std::string& number);

}  // namespace kc::store
