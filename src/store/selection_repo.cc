#include "store/selection_repo.h"

#include <nlohmann/json.hpp>

#include "domain/text.h"
#include "store/sql.h"

namespace kc::store {
namespace {

using nlohmann::json;

constexpr const char* kRoundCols =
    "r.id, r.year, r.level, r.area_code, r.province_2025, r.name, r.closes_on, r.criteria, "
    "r.pass_mark, r.status, r.recognized_on, r.created_by, r.version, (SELECT COUNT(*) FROM "
    "nominations n WHERE n.round_id = r.id)";

std::string criteria_text(const std::vector<Criterion>& criteria) {
  json out = json::array();
  for (const auto& c : criteria)
    out.push_back({{"code", c.code}, {"name", c.name}, {"max_points", c.max_points}});
  return out.dump();
}

std::vector<Criterion> criteria_of(const std::string& text) {
  std::vector<Criterion> out;
  json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& c : j)
    out.push_back({c.value("code", ""), c.value("name", ""), c.value("max_points", 0), {}});
  return out;
}

SelectionRound round_from(const Row& r) {
  SelectionRound s;
  s.id = r.i64(0), s.year = r.i64(1), s.level = r.str(2), s.area_code = r.str(3);
  s.province_2025 = r.str(4), s.name = r.str(5), s.closes_on = r.str(6);
  s.criteria = criteria_of(r.str(7)), s.pass_mark = r.i64(8), s.status = r.str(9);
  s.recognized_on = r.str(10), s.created_by = r.i64(11), s.version = r.i64(12);
  s.nominations = r.i64(13);
  return s;
}

constexpr const char* kNominationCols =
    "n.id, n.round_id, n.facility_id, n.province_2025, n.name, n.name_key, n.product_group, "
    "n.description, n.status, n.typical_product_id, n.nominated_by, n.version, f.name";

Nomination nomination_from(const Row& r) {
  Nomination n;
  n.id = r.i64(0), n.round_id = r.i64(1), n.facility_id = r.i64(2), n.province_2025 = r.str(3);
  n.name = r.str(4), n.name_key = r.str(5), n.group = r.str(6), n.description = r.str(7);
  n.status = r.str(8);
  if (!r.is_null(9)) n.typical_product_id = r.i64(9);
  n.nominated_by = r.i64(10), n.version = r.i64(11), n.facility_name = r.str(12);
  return n;
}

}  // namespace

Result<SelectionRound> get_selection_round(Connection& db, std::int64_t id) {
  auto r = one_row<SelectionRound>(
      db, std::string("SELECT ") + kRoundCols + " FROM selection_rounds r WHERE r.id = ?", {id},
      "selection round", round_from);
  if (!r) return r;
  auto members = db.query(
      "SELECT m.user_id, m.role, u.display_name FROM selection_members m JOIN users u ON u.id = "
      "m.user_id WHERE m.round_id = ? ORDER BY CASE m.role WHEN 'chair' THEN 0 ELSE 1 END, "
      "u.display_name",
      std::vector<Value>{id});
  if (!members) return std::unexpected(members.error());
  for (const auto& m : *members) r->members.push_back({m.i64(0), m.str(1), m.str(2)});
  return r;
}

Result<std::int64_t> insert_selection_round(Connection& db, const SelectionRound& r) {
  std::string now = now_utc();
  auto id = returned_id(db.query(
      "INSERT INTO selection_rounds (year, level, area_code, province_2025, name, closes_on, "
      "criteria, pass_mark, status, created_by, version, created_at, updated_at) VALUES (?, ?, "
      "?, ?, ?, ?, ?, ?, 'open', ?, 1, ?, ?) RETURNING id",
      std::vector<Value>{r.year, r.level, text_or_null(r.area_code), text_or_null(r.province_2025),
                         r.name, r.closes_on, criteria_text(r.criteria), r.pass_mark, r.created_by,
                         now, now}));
  if (!id) return id;
  for (const auto& m : r.members)
    if (auto n = db.exec("INSERT INTO selection_members (round_id, user_id, role) VALUES (?, ?, ?)",
                         std::vector<Value>{*id, m.user_id, m.role});
        !n)
      return std::unexpected(n.error());
  return id;
}

Status conclude_selection_round(Connection& db, const SelectionRound& r) {
  return expect_one(
      db,
      db.exec("UPDATE selection_rounds SET status = 'concluded', recognized_on = ?, version = "
              "version + 1, updated_at = ? WHERE id = ? AND version = ?",
              std::vector<Value>{r.recognized_on, now_utc(), r.id, r.version}),
      "selection_rounds", r.id);
}

Result<Page<SelectionRound>> list_selection_rounds(Connection& db, const ListQuery& q) {
  Where w;
  if (q.scope_none) w.add("1 = 0");
  if (q.scope_assignee)
    w.add("EXISTS (SELECT 1 FROM selection_members m WHERE m.round_id = r.id AND m.user_id = ?)",
          {q.scope_assignee});
  if (q.year) w.add("r.year = ?", {std::int64_t{*q.year}});
  if (!q.kind.empty()) w.add("r.level = ?", {q.kind});
  auto rows = fetch_page(db, kRoundCols, "selection_rounds r", w, "r.year DESC, r.id DESC", q);
  if (!rows) return std::unexpected(rows.error());
  Page<SelectionRound> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(round_from(r));
  return page;
}

Result<std::int64_t> insert_nomination(Connection& db, const Nomination& n) {
  std::string now = now_utc();
  return returned_id(
      db.query("INSERT INTO nominations (round_id, facility_id, province_2025, name, name_key, "
               "product_group, description, status, nominated_by, version, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, 1, ?, ?) RETURNING id",
               std::vector<Value>{n.round_id, n.facility_id, n.province_2025, n.name, n.name_key,
                                  n.group, text_or_null(n.description), n.nominated_by, now, now}));
}

Result<Nomination> get_nomination(Connection& db, std::int64_t id) {
  return one_row<Nomination>(db,
                             std::string("SELECT ") + kNominationCols +
                                 " FROM nominations n JOIN facilities f ON f.id = n.facility_id "
                                 "WHERE n.id = ?",
                             {id}, "nomination", nomination_from);
}

Result<std::vector<Nomination>> round_nominations(Connection& db, std::int64_t round_id,
                                                  const std::string& province) {
  std::vector<Value> params{round_id};
  std::string only;
  if (!province.empty()) only = " AND n.province_2025 = ?", params.push_back(province);
  auto rows = db.query(std::string("SELECT ") + kNominationCols +
                           " FROM nominations n JOIN facilities f ON f.id = n.facility_id WHERE "
                           "n.round_id = ?" +
                           only + " ORDER BY n.province_2025, n.name, n.id",
                       params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Nomination> out;
  for (const auto& r : *rows) out.push_back(nomination_from(r));
  return out;
}

Status set_nomination_result(Connection& db, std::int64_t id, const std::string& status,
                             std::optional<std::int64_t> typical_product_id) {
  return expect_one(
      db,
      db.exec("UPDATE nominations SET status = ?, typical_product_id = ?, version = version + 1, "
              "updated_at = ? WHERE id = ?",
              std::vector<Value>{status,
                                 typical_product_id ? Value(*typical_product_id) : Value(nullptr),
                                 now_utc(), id}),
      "nominations", id);
}

Result<bool> nomination_exists(Connection& db, std::int64_t round_id, std::int64_t facility_id,
                               const std::string& name_key) {
  auto n = db.scalar(
      "SELECT COUNT(*) FROM nominations WHERE round_id = ? AND facility_id = ? AND name_key = ?",
      std::vector<Value>{round_id, facility_id, name_key});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Status save_nomination_sheet(Connection& db, const ScoreSheet& s,
                             const std::string& conflict_note) {
  json lines = json::array();
  for (const auto& l : s.lines) lines.push_back({{"criterion", l.criterion}, {"points", l.points}});
  auto gone = db.exec("DELETE FROM nomination_sheets WHERE nomination_id = ? AND user_id = ?",
                      std::vector<Value>{s.project_id, s.user_id});
  if (!gone) return std::unexpected(gone.error());
  auto n = db.exec(
      "INSERT INTO nomination_sheets (nomination_id, user_id, conflict, conflict_note, lines, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      std::vector<Value>{s.project_id, s.user_id, std::int64_t{s.conflict},
                         text_or_null(conflict_note), lines.dump(), now_utc()});
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::vector<ScoreSheet>> round_sheets(Connection& db, std::int64_t round_id) {
  auto rows = db.query(
      "SELECT s.nomination_id, s.user_id, s.conflict, s.conflict_note, s.lines FROM "
      "nomination_sheets s JOIN nominations n ON n.id = s.nomination_id WHERE n.round_id = ? "
      "ORDER BY s.nomination_id, s.user_id",
      std::vector<Value>{round_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ScoreSheet> out;
  for (const auto& r : *rows) {
    ScoreSheet s{0, r.i64(0), r.i64(1), r.i64(2) != 0, r.str(3), {}};
    json lines = json::parse(r.str(4), nullptr, false);
    if (lines.is_array())
      for (const auto& l : lines)
        s.lines.push_back({l.value("criterion", ""), l.value("points", std::int64_t{0}), ""});
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kc::store
