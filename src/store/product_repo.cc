#include "store/product_repo.h"

#include "domain/text.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kCols =
    "p.id, p.facility_id, p.year, p.created_by, p.certificate_no, p.verify_code, p.name, "
    "p.name_key, p.product_group, p.description, p.province_2025, p.level, p.area_code, "
    "p.recognized_on, p.valid_until, p.created_at, p.score_x100, p.project_id, f.name";
constexpr const char* kFrom = "typical_products p JOIN facilities f ON f.id = p.facility_id";

TypicalProduct product_from(const Row& r) {
  TypicalProduct p;
  p.id = r.i64(0), p.facility_id = r.i64(1), p.year = r.i64(2), p.created_by = r.i64(3);
  p.certificate_no = r.str(4), p.verify_code = r.str(5), p.name = r.str(6);
  p.name_key = r.str(7), p.group = r.str(8), p.description = r.str(9);
  p.province_2025 = r.str(10), p.level = r.str(11), p.area_code = r.str(12);
  p.recognized_on = r.str(13), p.valid_until = r.str(14), p.created_at = r.str(15);
  if (!r.is_null(16)) p.score_x100 = r.i64(16);
  if (!r.is_null(17)) p.project_id = r.i64(17);
  p.facility_name = r.str(18);
  return p;
}

Where product_filter(const ListQuery& q) {
  Where w;
  if (q.scope_none) w.add("1 = 0");
  if (!q.scope_province.empty()) w.add("p.province_2025 = ?", {q.scope_province});
  if (q.year) w.add("p.year = ?", {std::int64_t{*q.year}});
  if (!q.kind.empty()) w.add("p.level = ?", {q.kind});
  if (!q.area.empty()) w.add("p.area_code = ?", {q.area});
  if (!q.province.empty()) w.add("p.province_2025 = ?", {q.province});
  for (auto& pattern : search_patterns(q.q)) w.add("p.search_text LIKE ? ESCAPE '\\'", {pattern});
  return w;
}

}  // namespace

Result<std::int64_t> insert_product(Connection& db, TypicalProduct& p) {
  p.created_at = now_utc();
  auto id = returned_id(db.query(
      "INSERT INTO typical_products (certificate_no, verify_code, name, name_key, product_group, "
      "description, facility_id, province_2025, level, area_code, year, score_x100, "
      "recognized_on, valid_until, project_id, search_text, created_by, created_at) VALUES (?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      std::vector<Value>{
          p.certificate_no, p.verify_code, p.name, p.name_key, p.group, text_or_null(p.description),
          p.facility_id, p.province_2025, p.level, text_or_null(p.area_code), p.year,
          p.score_x100 ? Value(*p.score_x100) : Value(nullptr), p.recognized_on, p.valid_until,
          p.project_id ? Value(*p.project_id) : Value(nullptr),
          p.name_key + " " + fold_for_search(p.certificate_no), p.created_by, p.created_at}));
  if (id) p.id = *id;
  return id;
}

Result<TypicalProduct> get_product(Connection& db, std::int64_t id) {
  return one_row<TypicalProduct>(
      db, std::string("SELECT ") + kCols + " FROM " + kFrom + " WHERE p.id = ?", {id},
      "typical product", product_from);
}

Result<std::optional<TypicalProduct>> product_by_code(Connection& db, const std::string& code) {
  auto rows =
      db.query(std::string("SELECT ") + kCols + " FROM " + kFrom + " WHERE p.verify_code = ?",
               std::vector<Value>{code});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<TypicalProduct>{};
  return std::optional<TypicalProduct>{product_from(rows->front())};
}

Result<Page<TypicalProduct>> list_products(Connection& db, const ListQuery& q) {
  Where w = product_filter(q);
  auto rows = fetch_page(db, kCols, kFrom, w, "p.year DESC, p.certificate_no ASC", q);
  if (!rows) return std::unexpected(rows.error());
  Page<TypicalProduct> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(product_from(r));
  return page;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> products_by_level(Connection& db,
                                                                            const ListQuery& q) {
  Where w = product_filter(q);
  auto rows =
      db.query(std::string("SELECT p.level, COUNT(*) FROM ") + kFrom + w.sql + " GROUP BY p.level",
               w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : *rows) out.emplace_back(r.str(0), r.i64(1));
  return out;
}

Result<std::optional<TypicalProduct>> valid_recognition(Connection& db, std::int64_t facility_id,
                                                        const std::string& name_key,
                                                        const std::string& level,
                                                        const std::string& on) {
  auto rows = db.query(std::string("SELECT ") + kCols + " FROM " + kFrom +
                           " WHERE p.facility_id = ? AND p.name_key = ? AND p.level = ? AND "
                           "p.valid_until >= ? ORDER BY p.valid_until DESC LIMIT 1",
                       std::vector<Value>{facility_id, name_key, level, on});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<TypicalProduct>{};
  return std::optional<TypicalProduct>{product_from(rows->front())};
}

Result<bool> certificate_taken(Connection& db, const std::string& number) {
  auto n = db.scalar("SELECT COUNT(*) FROM typical_products WHERE certificate_no = ?",
                     std::vector<Value>{number});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

}  // namespace kc::store
