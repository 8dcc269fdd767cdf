#include "store/audit_repo.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "crypto/crypto.h"
#include "domain/text.h"
#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";
constexpr const char* kCols =
    "id, at, user_id, user_login, entity, entity_id, action, before_json, after_json, reason, "
    "prev_hash, hash";

// Appends s as a JSON string, escaped byte for byte as nlohmann::json::dump() escapes it.
void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

std::string content_hash(const AuditEntry& e) {
  return crypto::sha256_hex(e.prev_hash + "\n" + audit_content(e));
}

AuditEntry entry_from(const Row& r) {
  return {r.i64(0), r.str(1), r.i64(2), r.str(3),  r.str(4),  r.i64(5), r.str(6),
          r.str(7), r.str(8), r.str(9), r.str(10), r.str(11), r.str(12)};
}

Result<std::vector<AuditEntry>> entries(Connection& db, const std::string& where,
                                        std::vector<Value> params) {
  auto rows = db.query(std::string("SELECT ") + kCols +
                           ", COALESCE((SELECT u.display_name FROM users u WHERE u.id = "
                           "audit_log.user_id), audit_log.user_login) FROM audit_log " +
                           where,
                       params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<AuditEntry> out;
  for (const auto& r : *rows) out.push_back(entry_from(r));
  return out;
}

}  // namespace

std::string audit_content(const AuditEntry& e) {
  for (const std::string* t :
       {&e.at, &e.user_login, &e.entity, &e.action, &e.before_json, &e.after_json, &e.reason})
    if (!is_valid_utf8(*t))  // the library's own answer (an error) for what it cannot write
      return nlohmann::json::array({e.id, e.at, e.user_id, e.user_login, e.entity, e.entity_id,
                                    e.action, e.before_json, e.after_json, e.reason})
          .dump();
  std::string out;
  out.reserve(64 + e.at.size() + e.user_login.size() + e.before_json.size() * 9 / 8 +
              e.after_json.size() * 9 / 8 + e.reason.size());
  out += '[' + std::to_string(e.id) + ',';
  append_json_string(out, e.at);
  out += ',' + std::to_string(e.user_id) + ',';
  append_json_string(out, e.user_login);
  out += ',';
  append_json_string(out, e.entity);
  out += ',' + std::to_string(e.entity_id) + ',';
  append_json_string(out, e.action);
  for (const auto* t : {&e.before_json, &e.after_json, &e.reason}) {
    out += ',';
    append_json_string(out, *t);
  }
  out += ']';
  return out;
}

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
  return insert_rows(db, "audit_log",
                     {"id", "at", "user_id", "user_login", "entity", "entity_id", "action",
                      "before_json", "after_json", "reason", "prev_hash", "hash"},
                     v);
}

Result<std::vector<AuditEntry>> audit_history(Connection& db, const std::string& entity,
                                              std::int64_t entity_id) {
  auto own = entries(db, "WHERE entity = ? AND entity_id = ? ORDER BY id", {entity, entity_id});
  if (!own) return own;
  // The imports of this kind of record (few: one row per file), kept when their range of new
  // ids holds this record.
  auto files =
      entries(db, "WHERE entity = ? AND entity_id = 0 AND action = 'import' ORDER BY id", {entity});
  if (!files) return std::unexpected(files.error());
  for (auto& f : *files) {
    auto after = nlohmann::json::parse(f.after_json, nullptr, false);
    if (!after.is_object() || !after.contains("first_id") || !after.contains("last_id")) continue;
    auto first = after["first_id"], last = after["last_id"];
    if (first.is_number_integer() && last.is_number_integer() &&
        first.get<std::int64_t>() <= entity_id && entity_id <= last.get<std::int64_t>())
      own->push_back(std::move(f));
  }
  std::ranges::sort(*own, {}, &AuditEntry::id);
  return own;
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
