#include "store/attachment_repo.h"

#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kCols =
    "id, project_id, name, kind, size_bytes, sha256, created_by, created_at FROM attachments ";

Attachment from(const Row& r) {
  Attachment a;
  a.id = r.i64(0), a.project_id = r.i64(1), a.name = r.str(2), a.kind = r.str(3);
  a.size_bytes = r.i64(4), a.sha256 = r.str(5), a.created_by = r.i64(6), a.created_at = r.str(7);
  return a;
}

}  // namespace

Status insert_attachment(Connection& db, Attachment& a) {
  a.created_at = now_utc();
  auto id = returned_id(
      db.query("INSERT INTO attachments (project_id, name, kind, size_bytes, sha256, created_by, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
               std::vector<Value>{a.project_id, a.name, a.kind, a.size_bytes, a.sha256,
                                  a.created_by, a.created_at}));
  if (!id) return std::unexpected(id.error());
  a.id = *id;
  return {};
}

Result<std::vector<Attachment>> project_attachments(Connection& db, std::int64_t project_id) {
  auto rows = db.query(std::string("SELECT ") + kCols + "WHERE project_id = ? ORDER BY id",
                       std::vector<Value>{project_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Attachment> out;
  for (const auto& r : *rows) out.push_back(from(r));
  return out;
}

Result<Attachment> get_attachment(Connection& db, std::int64_t project_id, std::int64_t id) {
  auto rows = db.query(std::string("SELECT ") + kCols + "WHERE project_id = ? AND id = ?",
                       std::vector<Value>{project_id, id});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::not_found("no such attachment"));
  return from(rows->front());
}

Status delete_attachment(Connection& db, std::int64_t id) {
  auto r = db.exec("DELETE FROM attachments WHERE id = ?", std::vector<Value>{id});
  if (!r) return std::unexpected(r.error());
  return {};
}

}  // namespace kc::store
