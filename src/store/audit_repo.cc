#include "store/audit_repo.h"

#include <nlohmann/json.hpp>

#include "crypto/crypto.h"

namespace kc::store {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";
constexpr const char* kCols =
    "id, at, user_id, user_login, entity, entity_id, action, before_json, after_json, reason, "
    "prev_hash, hash";

std::string content_hash(const AuditEntry& e) {
  nlohmann::json content =
      nlohmann::json::array({e.id, e.at, e.user_id, e.user_login, e.entity, e.entity_id, e.action,
                             e.before_json, e.after_json, e.reason});
  return crypto::sha256_hex(e.prev_hash + "\n" + content.dump());
}

AuditEntry entry_from(const Row& r) {
  return {r.i64(0), r.str(1), r.i64(2), r.str(3), r.str(4),  r.i64(5),
          r.str(6), r.str(7), r.str(8), r.str(9), r.str(10), r.str(11)};
}

Result<std::vector<AuditEntry>> entries(Connection& db, const std::string& where,
                                        std::vector<Value> params) {
  auto rows = db.query(std::string("SELECT ") + kCols + " FROM audit_log " + where, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<AuditEntry> out;
  for (const auto& r : *rows) out.push_back(entry_from(r));
  return out;
}

}  // namespace

Status append_audit(Connection& db, AuditEntry e) {
  auto last = db.query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", {});
  if (!last) return std::unexpected(last.error());
  e.id = last->empty() ? 1 : last->front().i64(0) + 1;
  e.prev_hash = last->empty() ? kGenesis : last->front().str(1);
  if (e.at.empty()) e.at = now_utc();
  e.hash = content_hash(e);
  std::vector<Value> v{e.id,
                       e.at,
                       id_or_null(e.user_id),
                       e.user_login,
                       e.entity,
                       e.entity_id,
                       e.action,
                       text_or_null(e.before_json),
                       text_or_null(e.after_json),
                       text_or_null(e.reason),
                       e.prev_hash,
                       e.hash};
  auto n = db.exec(std::string("INSERT INTO audit_log (") + kCols +
                       ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   v);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::vector<AuditEntry>> audit_history(Connection& db, const std::string& entity,
                                              std::int64_t entity_id) {
  return entries(db, "WHERE entity = ? AND entity_id = ? ORDER BY id", {entity, entity_id});
}

Result<std::vector<AuditEntry>> audit_recent(Connection& db, int limit) {
  return entries(db, "ORDER BY id DESC LIMIT ?", {std::int64_t{limit}});
}

Result<AuditCheck> verify_audit(Connection& db,
                                const std::function<void(std::size_t, std::size_t)>& progress) {
  auto total = db.scalar("SELECT COUNT(*) FROM audit_log", {});
  if (!total) return std::unexpected(total.error());
  AuditCheck check;
  std::string prev = kGenesis;
  std::int64_t after = 0;
  constexpr std::int64_t kBatch = 5000;
  for (;;) {
    auto batch = entries(db, "WHERE id > ? ORDER BY id LIMIT ?", {after, kBatch});
    if (!batch) return std::unexpected(batch.error());
    if (batch->empty()) break;
    for (const auto& e : *batch) {
      ++check.rows;
      if (e.prev_hash != prev) {
        check.first_bad_id = e.id;
        check.problem =
            "its prev_hash does not match the previous row's hash (a row was removed or reordered)";
        return check;
      }
      if (content_hash(e) != e.hash) {
        check.first_bad_id = e.id;
        check.problem = "its content does not match its hash (the row was edited)";
        return check;
      }
      prev = e.hash;
      after = e.id;
    }
    if (progress) progress(static_cast<std::size_t>(check.rows), static_cast<std::size_t>(*total));
  }
  return check;
}

}  // namespace kc::store
