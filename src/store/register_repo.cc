#include "store/register_repo.h"

#include <unordered_map>

#include "domain/text.h"
#include "store/facility_index.h"
#include "store/sql.h"
#include "store/text_search.h"

namespace kc::store {
namespace {

constexpr const char* kProgramCols =
    "id, code, level, province_set, province_code, year, name, budget_vnd, version";
constexpr const char* kOrgCols =
    "id, name, kind, province_set, province_code, address, tax_code, version";
constexpr const char* kFacilityCols =
    "id, name, kind, tax_code, province_set, province_code, commune, address, craft_village, "
    "women_owned, ethnic_minority_workers, industry, employees, version";

Program program_from(const Row& r) {
  Program p;
  p.id = r.i64(0), p.code = r.str(1), p.level = r.str(2);
  if (!r.is_null(3)) p.province = ProvinceRef{r.str(3), r.str(4)};
  p.year = static_cast<int>(r.i64(5)), p.name = r.str(6), p.budget_vnd = r.i64(7);
  p.version = r.i64(8);
  return p;
}

Organization org_from(const Row& r) {
  Organization o;
  o.id = r.i64(0), o.name = r.str(1), o.kind = r.str(2);
  o.province = {r.str(3), r.str(4)};
  o.address = r.str(5), o.tax_code = r.str(6), o.version = r.i64(7);
  return o;
}

Facility facility_from(const Row& r) {
  Facility f;
  f.id = r.i64(0), f.name = r.str(1), f.kind = r.str(2), f.tax_code = r.str(3);
  f.province = {r.str(4), r.str(5)};
  f.commune = r.str(6), f.address = r.str(7);
  f.craft_village = r.i64(8) != 0, f.women_owned = r.i64(9) != 0;
  f.ethnic_minority_workers = r.i64(10) != 0;
  f.industry = r.str(11), f.employees = r.i64(12), f.version = r.i64(13);
  return f;
}

// The filters every register list shares, and the search's words unless `with_search` is false
// (a table with a search index checks them itself); `table` qualifies the search text's column
// (an index's table has a column of that name too).
void add_common(Where& w, const ListQuery& q, const std::string& table, bool with_search = true) {
  if (q.scope_none) w.add("1 = 0");
  if (!q.scope_province.empty()) w.add("province_2025 = ?", {q.scope_province});
  if (q.id) w.add("id = ?", {*q.id});
  if (!q.province.empty()) {
    if (q.province_set == "2008")
      w.add("province_set = '2008' AND province_code = ?", {q.province});
    else
      w.add("province_2025 = ?", {q.province});
  }
  if (!q.region.empty()) w.add("region_code = ?", {q.region});
  if (!q.kind.empty()) w.add("kind = ?", {q.kind});
  if (!with_search) return;
  for (auto& pattern : search_patterns(q.q))
    w.add(table + ".search_text LIKE ? ESCAPE '\\'", {pattern});
}

// A page of a register's table; a table with search indexes searches through them, exact up to
// `indexed_exact_total` matches (`w` then holds the filters without the search's words).
template <class T, class F>
Result<Page<T>> page_of(Connection& db, const char* table, const char* cols, const Where& w,
                        const std::string& order, const ListQuery& q, F from,
                        std::int64_t indexed_exact_total = 0) {
  auto rows = indexed_exact_total ? search_page(db, cols, table, w, order, q, search_words(q.q),
                                                indexed_exact_total)
                                  : fetch_page(db, cols, table, w, order, q);
  if (!rows) return std::unexpected(rows.error());
  Page<T> page{{}, rows->total, q.page, q.page_size, rows->total_is_estimate};
  for (const auto& r : rows->rows) page.items.push_back(from(r));
  return page;
}

std::string org_search(const Organization& o, const ProvinceFacts& pf) {
  return fold_for_search(o.name + " " + o.tax_code + " " + o.address + " " + pf.name_vi);
}

std::string facility_search(const Facility& f, const ProvinceFacts& pf) {
  return fold_for_search(f.name + " " + f.tax_code + " " + f.commune + " " + f.address + " " +
                         f.industry + " " + pf.name_vi);
}

}  // namespace

Error stale_or_missing(Connection& db, const char* table, std::int64_t id) {
  std::vector<Value> p{id};
  auto n = db.scalar(std::string("SELECT COUNT(*) FROM ") + table + " WHERE id = ?", p);
  if (n && *n == 0)
    return Error::not_found(std::string(table) + " " + std::to_string(id) + " not found");
  Error e = Error::conflict(
      "the record was changed by someone else since you read it; reload it "
      "and apply your change again");
  e.code = "version_conflict";
  return e;
}

std::vector<std::string> search_patterns(const std::string& query) {
  std::vector<std::string> out;
  for (const auto& word : search_words(query)) out.push_back(like_pattern(word));
  return out;
}

Result<Program> get_program(Connection& db, std::int64_t id) {
  return one_row<Program>(db, std::string("SELECT ") + kProgramCols + " FROM programs WHERE id = ?",
                          {id}, "program", program_from);
}

Result<std::int64_t> insert_program(Connection& db, const Program& p) {
  std::string now = now_utc();
  std::vector<Value> v{p.code,
                       p.level,
                       p.province ? Value(p.province->set) : Value(nullptr),
                       p.province ? Value(p.province->code) : Value(nullptr),
                       std::int64_t{p.year},
                       p.name,
                       p.budget_vnd,
                       now,
                       now};
  return returned_id(db.query(
      "INSERT INTO programs (code, level, province_set, province_code, year, name, budget_vnd, "
      "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      v));
}

Status update_program(Connection& db, const Program& p) {
  std::vector<Value> v{p.code,
                       p.level,
                       p.province ? Value(p.province->set) : Value(nullptr),
                       p.province ? Value(p.province->code) : Value(nullptr),
                       std::int64_t{p.year},
                       p.name,
                       p.budget_vnd,
                       now_utc(),
                       p.id,
                       p.version};
  return expect_one(db,
                    db.exec("UPDATE programs SET code = ?, level = ?, province_set = ?, "
                            "province_code = ?, year = ?, name = ?, budget_vnd = ?, "
                            "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                            v),
                    "programs", p.id);
}

Result<Page<Program>> list_programs(Connection& db, const ListQuery& q) {
  Where w;
  if (q.year) w.add("year = ?", {std::int64_t{*q.year}});
  if (!q.level.empty()) w.add("level = ?", {q.level});
  return page_of<Program>(
      db, "programs", kProgramCols, w,
      order_by(q,
               {{"code", "code"}, {"year", "year"}, {"name", "name"}, {"budget_vnd", "budget_vnd"}},
               "year"),
      q, program_from);
}

Result<Organization> get_organization(Connection& db, std::int64_t id) {
  return one_row<Organization>(
      db, std::string("SELECT ") + kOrgCols + " FROM organizations WHERE id = ?", {id},
      "organization", org_from);
}

namespace {
std::vector<Value> org_values(const Organization& o, const ProvinceFacts& pf) {
  return {o.name,           o.kind,         o.province.set,          o.province.code,
          pf.province_2025, pf.region_code, text_or_null(o.address), text_or_null(o.tax_code),
          org_search(o, pf)};
}
}  // namespace

Result<std::int64_t> insert_organization(Connection& db, const Organization& o,
                                         const ProvinceFacts& pf) {
  auto v = org_values(o, pf);
  std::string now = now_utc();
  v.insert(v.end(), {now, now});
  return returned_id(
      db.query("INSERT INTO organizations (name, kind, province_set, province_code, province_2025, "
               "region_code, address, tax_code, search_text, version, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
               v));
}

Status update_organization(Connection& db, const Organization& o, const ProvinceFacts& pf) {
  auto v = org_values(o, pf);
  v.insert(v.end(), {now_utc(), o.id, o.version});
  return expect_one(db,
                    db.exec("UPDATE organizations SET name = ?, kind = ?, province_set = ?, "
                            "province_code = ?, province_2025 = ?, region_code = ?, address = ?, "
                            "tax_code = ?, search_text = ?, version = version + 1, updated_at = ? "
                            "WHERE id = ? AND version = ?",
                            v),
                    "organizations", o.id);
}

Result<Page<Organization>> list_organizations(Connection& db, const ListQuery& q) {
  Where w;
  add_common(w, q, "organizations");
  return page_of<Organization>(db, "organizations", kOrgCols, w,
                               order_by(q, {{"name", "name"}, {"kind", "kind"}}, "name"), q,
                               org_from);
}

Result<Facility> get_facility(Connection& db, std::int64_t id) {
  return one_row<Facility>(db,
                           std::string("SELECT ") + kFacilityCols + " FROM facilities WHERE id = ?",
                           {id}, "facility", facility_from);
}

namespace {
std::vector<Value> facility_values(const Facility& f, const ProvinceFacts& pf) {
  return {f.name,
          f.kind,
          text_or_null(f.tax_code),
          f.province.set,
          f.province.code,
          pf.province_2025,
          pf.region_code,
          text_or_null(f.commune),
          text_or_null(f.address),
          std::int64_t{f.craft_village},
          std::int64_t{f.women_owned},
          std::int64_t{f.ethnic_minority_workers},
          text_or_null(f.industry),
          f.employees,
          facility_search(f, pf)};
}
}  // namespace

Result<std::int64_t> insert_facility(Connection& db, const Facility& f, const ProvinceFacts& pf) {
  auto v = facility_values(f, pf);
  std::string now = now_utc();
  v.insert(v.end(), {now, now});
  return returned_id(db.query(
      "INSERT INTO facilities (name, kind, tax_code, province_set, province_code, province_2025, "
      "region_code, commune, address, craft_village, women_owned, ethnic_minority_workers, "
      "industry, employees, search_text, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      v));
}

Status update_facility(Connection& db, const Facility& f, const ProvinceFacts& pf) {
  auto v = facility_values(f, pf);
  v.insert(v.end(), {now_utc(), f.id, f.version});
  return expect_one(db,
                    db.exec("UPDATE facilities SET name = ?, kind = ?, tax_code = ?, "
                            "province_set = ?, province_code = ?, province_2025 = ?, "
                            "region_code = ?, commune = ?, address = ?, craft_village = ?, "
                            "women_owned = ?, ethnic_minority_workers = ?, industry = ?, "
                            "employees = ?, search_text = ?, version = version + 1, "
                            "updated_at = ? WHERE id = ? AND version = ?",
                            v),
                    "facilities", f.id);
}

namespace {
// The page the search index found: its rows read by id, with the filters again (a facility
// changed since the index looked, out of the user's scope now, is left out).
Result<Page<Facility>> indexed_page(Connection& db, Where w, const IndexPage& found,
                                    const ListQuery& q) {
  Page<Facility> page{{}, found.total, q.page, q.page_size, false};
  if (found.ids.empty()) return page;
  IdSet ids = id_set(db, found.ids);
  w.add("id" + ids.sql, {ids.param});
  auto rows =
      db.query(std::string("SELECT ") + kFacilityCols + " FROM facilities" + w.sql, w.params);
  if (!rows) return std::unexpected(rows.error());
  std::unordered_map<std::int64_t, Facility> by_id;
  for (const auto& r : *rows) {
    Facility f = facility_from(r);
    by_id.emplace(f.id, std::move(f));
  }
  for (std::int64_t id : found.ids)
    if (auto it = by_id.find(id); it != by_id.end()) page.items.push_back(std::move(it->second));
  return page;
}
}  // namespace

Result<Page<Facility>> list_facilities(Connection& db, const ListQuery& q,
                                       std::int64_t exact_total) {
  Where w;
  add_common(w, q, "facilities", false);
  if (FacilityIndex* index = db.facility_index(); index && !q.q.empty()) {
    auto found = index->search(db, q, search_words(q.q));
    if (!found) return std::unexpected(found.error());
    if (*found) return indexed_page(db, w, **found, q);
  }
  return page_of<Facility>(
      db, "facilities", kFacilityCols, w,
      order_by(q, {{"name", "name"}, {"kind", "kind"}, {"employees", "employees"}}, "name"), q,
      facility_from, exact_total);
}

Result<std::optional<std::int64_t>> find_program_id(Connection& db, const std::string& code) {
  // The code wins; a number that is no program's code names the program by its id.
  auto rows = db.query(
      "SELECT id FROM programs WHERE code = ? OR (CAST(id AS TEXT) = ? AND NOT EXISTS "
      "(SELECT 1 FROM programs c WHERE c.code = ?)) ORDER BY id LIMIT 1",
      std::vector<Value>{code, code, code});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{rows->front().i64(0)};
}

Result<std::map<std::int64_t, std::string>> program_codes(Connection& db) {
  auto rows = db.query("SELECT id, code FROM programs", {});
  if (!rows) return std::unexpected(rows.error());
  std::map<std::int64_t, std::string> out;
  for (const auto& r : *rows) out[r.i64(0)] = r.str(1);
  return out;
}

Result<std::optional<std::string>> place_province(Connection& db, const char* table,
                                                  std::int64_t id) {
  std::string t = table;
  if (t != "organizations" && t != "facilities")
    return std::unexpected(Error::internal("place_province: unknown table " + t));
  auto rows = db.query("SELECT province_2025 FROM " + t + " WHERE id = ?", std::vector<Value>{id});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows->front().str(0)};
}

Result<std::int64_t> first_organization_of_kind(Connection& db, const std::string& kind) {
  return db.scalar("SELECT COALESCE(MIN(id), 0) FROM organizations WHERE kind = ?",
                   std::vector<Value>{kind});
}

}  // namespace kc::store
