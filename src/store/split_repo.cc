#include "store/split_repo.h"

#include <map>

#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kItems =
    "SELECT i.split_id, i.facility_id, i.amount_vnd, f.name FROM group_split_items i "
    "JOIN facilities f ON f.id = i.facility_id JOIN group_splits s ON s.id = i.split_id ";

}  // namespace

Status insert_split(Connection& db, GroupSplit& s) {
  s.created_at = now_utc();
  auto id = returned_id(
      db.query("INSERT INTO group_splits (project_id, number, signed_on, total_vnd, created_by, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
               std::vector<Value>{s.project_id, s.number, s.signed_on, s.total, s.created_by,
                                  s.created_at}));
  if (!id) return std::unexpected(id.error());
  s.id = *id;
  std::vector<Value> rows;
  for (const auto& i : s.items) rows.insert(rows.end(), {s.id, i.facility_id, i.amount});
  if (!rows.empty())
    if (auto w =
            insert_rows(db, "group_split_items", {"split_id", "facility_id", "amount_vnd"}, rows);
        !w)
      return w;
  auto items = db.query(std::string(kItems) + "WHERE s.id = ? ORDER BY f.name, i.facility_id",
                        std::vector<Value>{s.id});
  if (!items) return std::unexpected(items.error());
  s.items.clear();
  for (const auto& r : *items) s.items.push_back({r.i64(1), r.i64(2), r.str(3)});
  return {};
}

Result<std::vector<GroupSplit>> project_splits(Connection& db, std::int64_t project_id) {
  std::vector<Value> p{project_id};
  auto rows = db.query(
      "SELECT id, project_id, number, signed_on, total_vnd, created_by, created_at "
      "FROM group_splits WHERE project_id = ? ORDER BY id",
      p);
  if (!rows) return std::unexpected(rows.error());
  std::vector<GroupSplit> out;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : *rows) {
    GroupSplit s;
    s.id = r.i64(0), s.project_id = r.i64(1), s.number = r.str(2), s.signed_on = r.str(3);
    s.total = r.i64(4), s.created_by = r.i64(5), s.created_at = r.str(6);
    at[s.id] = out.size();
    out.push_back(std::move(s));
  }
  auto items = db.query(
      std::string(kItems) + "WHERE s.project_id = ? ORDER BY i.split_id, f.name, i.facility_id", p);
  if (!items) return std::unexpected(items.error());
  for (const auto& r : *items) out[at[r.i64(0)]].items.push_back({r.i64(1), r.i64(2), r.str(3)});
  return out;
}

}  // namespace kc::store
