#include "store/fair_repo.h"

#include "domain/text.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

// The fair's columns, then its booths' sums (a correlated aggregate per row of a page).
constexpr const char* kFairCols =
    "id, code, name, place, abroad, country, province_set, province_code, province_2025, "
    "region_code, starts_on, ends_on, organizer, project_id, version, "
    "(SELECT COALESCE(SUM(b.booths), 0) FROM booth_supports b WHERE b.fair_id = fairs.id), "
    "(SELECT COUNT(*) FROM booth_supports b WHERE b.fair_id = fairs.id), "
    "(SELECT COALESCE(SUM(b.amount_vnd), 0) FROM booth_supports b WHERE b.fair_id = fairs.id)";

Fair fair_from(const Row& r) {
  Fair f;
  f.id = r.i64(0), f.code = r.str(1), f.name = r.str(2), f.place = r.str(3);
  f.abroad = r.i64(4) != 0, f.country = r.str(5);
  if (!r.is_null(6)) f.province = ProvinceRef{r.str(6), r.str(7)};
  f.province_2025 = r.str(8), f.region_code = r.str(9);
  f.starts_on = r.str(10), f.ends_on = r.str(11), f.organizer = r.str(12);
  if (!r.is_null(13)) f.project_id = r.i64(13);
  f.version = r.i64(14), f.booths = r.i64(15), f.facilities = r.i64(16), f.amount = r.i64(17);
  return f;
}

std::vector<Value> fair_values(const Fair& f, const ProvinceFacts& pf) {
  const bool here = f.province.has_value();
  return {f.code,
          f.name,
          f.place,
          std::int64_t{f.abroad},
          text_or_null(f.country),
          here ? Value(f.province->set) : Value(nullptr),
          here ? Value(f.province->code) : Value(nullptr),
          text_or_null(pf.province_2025),
          text_or_null(pf.region_code),
          f.starts_on,
          f.ends_on,
          f.organizer,
          f.project_id ? Value(*f.project_id) : Value(nullptr),
          fold_for_search(f.code + " " + f.name + " " + f.place + " " + f.organizer + " " +
                          f.country + " " + pf.name_vi)};
}

Where fair_filter(const ListQuery& q) {
  Where w;
  if (q.id) w.add("id = ?", {*q.id});
  if (q.year) {
    auto y = std::to_string(*q.year);
    w.add("starts_on >= ? AND starts_on <= ?", {y + "-01-01", y + "-12-31"});
  }
  if (!q.province.empty()) {
    if (q.province_set == "2008")
      w.add("province_set = '2008' AND province_code = ?", {q.province});
    else
      w.add("province_2025 = ?", {q.province});
  }
  if (!q.region.empty()) w.add("region_code = ?", {q.region});
  if (q.kind == "abroad") w.add("abroad = 1");
  if (q.kind == "domestic") w.add("abroad = 0");
  for (auto& pattern : search_patterns(q.q)) w.add("search_text LIKE ? ESCAPE '\\'", {pattern});
  return w;
}

constexpr const char* kBoothCols =
    "b.id, b.fair_id, b.facility_id, b.booths, b.created_by, b.amount_vnd, b.created_at, "
    "f.name, f.province_2025, x.code, x.name, x.starts_on";

Result<std::vector<BoothSupport>> booths_where(Connection& db, const std::string& where,
                                               std::int64_t id, const char* order) {
  auto rows = db.query(std::string("SELECT ") + kBoothCols +
                           " FROM booth_supports b JOIN facilities f ON f.id = b.facility_id "
                           "JOIN fairs x ON x.id = b.fair_id WHERE " +
                           where + " ORDER BY " + order,
                       std::vector<Value>{id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<BoothSupport> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.i64(5), r.str(6), r.str(7),
                   r.str(8), r.str(9), r.str(10), r.str(11)});
  return out;
}

}  // namespace

Result<Fair> get_fair(Connection& db, std::int64_t id) {
  return one_row<Fair>(db, std::string("SELECT ") + kFairCols + " FROM fairs WHERE id = ?", {id},
                       "fair", fair_from);
}

Result<std::int64_t> insert_fair(Connection& db, const Fair& f, const ProvinceFacts& pf) {
  auto v = fair_values(f, pf);
  std::string now = now_utc();
  v.insert(v.end(), {now, now});
  return returned_id(db.query(
      "INSERT INTO fairs (code, name, place, abroad, country, province_set, province_code, "
      "province_2025, region_code, starts_on, ends_on, organizer, project_id, search_text, "
      "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, "
      "?) RETURNING id",
      v));
}

Status update_fair(Connection& db, const Fair& f, const ProvinceFacts& pf) {
  auto v = fair_values(f, pf);
  v.insert(v.end(), {now_utc(), f.id, f.version});
  return expect_one(db,
                    db.exec("UPDATE fairs SET code = ?, name = ?, place = ?, abroad = ?, "
                            "country = ?, province_set = ?, province_code = ?, province_2025 = ?, "
                            "region_code = ?, starts_on = ?, ends_on = ?, organizer = ?, "
                            "project_id = ?, search_text = ?, version = version + 1, "
                            "updated_at = ? WHERE id = ? AND version = ?",
                            v),
                    "fairs", f.id);
}

Result<Page<Fair>> list_fairs(Connection& db, const ListQuery& q) {
  Where w = fair_filter(q);
  auto rows = fetch_page(
      db, kFairCols, "fairs", w,
      order_by(q, {{"starts_on", "starts_on"}, {"name", "name"}}, "starts_on DESC, code"), q);
  if (!rows) return std::unexpected(rows.error());
  Page<Fair> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(fair_from(r));
  return page;
}

Result<FairTotals> fair_totals(Connection& db, const ListQuery& q) {
  Where w = fair_filter(q);
  auto rows = db.query(
      "SELECT (SELECT COUNT(*) FROM fairs" + w.sql +
          "), COALESCE(SUM(b.booths), 0), COUNT(DISTINCT b.facility_id), "
          "COALESCE(SUM(b.amount_vnd), 0) FROM booth_supports b WHERE b.fair_id IN (SELECT id "
          "FROM fairs" +
          w.sql + ")",
      [&] {
        auto p = w.params;
        p.insert(p.end(), w.params.begin(), w.params.end());
        return p;
      }());
  if (!rows) return std::unexpected(rows.error());
  const auto& r = rows->front();
  return FairTotals{r.i64(0), r.i64(1), r.i64(2), r.i64(3)};
}

Result<bool> fair_code_taken(Connection& db, const std::string& code, std::int64_t except_id) {
  auto n = db.scalar("SELECT COUNT(*) FROM fairs WHERE code = ? AND id <> ?",
                     std::vector<Value>{code, except_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Result<std::int64_t> insert_booth(Connection& db, BoothSupport& b) {
  b.created_at = now_utc();
  auto id = returned_id(
      db.query("INSERT INTO booth_supports (fair_id, facility_id, booths, amount_vnd, created_by, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
               std::vector<Value>{b.fair_id, b.facility_id, b.booths, b.amount, b.created_by,
                                  b.created_at}));
  if (id) b.id = *id;
  return id;
}

Result<std::vector<BoothSupport>> fair_booths(Connection& db, std::int64_t fair_id) {
  return booths_where(db, "b.fair_id = ?", fair_id, "f.name, b.id");
}

Result<std::vector<BoothSupport>> facility_booths(Connection& db, std::int64_t facility_id) {
  return booths_where(db, "b.facility_id = ?", facility_id, "x.starts_on DESC, b.id");
}

Result<bool> booth_exists(Connection& db, std::int64_t fair_id, std::int64_t facility_id) {
  auto n = db.scalar("SELECT COUNT(*) FROM booth_supports WHERE fair_id = ? AND facility_id = ?",
                     std::vector<Value>{fair_id, facility_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}
}  // namespace kc::store
