#pragma once
// The audit trail: one append-only row per change, hash-chained. Row n's hash is the SHA-256
// of row n-1's hash and row n's own content, so that editing, deleting or reordering any row
// breaks the chain from that row on. Appends run inside the caller's write transaction, which
// serialises writers, so the chain never forks.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "store/db.h"

namespace kc::store {

Status append_audit(Connection& db, AuditEntry e);
// The hashed content of a row: the JSON array [id, at, user_id, user_login, entity,
// entity_id, action, before_json, after_json, reason] written compactly (written directly,
// byte for byte as nlohmann::json::dump() writes it, which older chains were hashed with).
std::string audit_content(const AuditEntry& e);
// A record's rows, oldest first, with the row of the file import that created it (an import
// of projects audits one row per file naming its first and last new id).
Result<std::vector<AuditEntry>> audit_history(Connection& db, const std::string& entity,
                                              std::int64_t entity_id);
Result<std::vector<AuditEntry>> audit_recent(Connection& db, int limit);

struct AuditCheck {
  std::int64_t rows = 0;
  std::optional<std::int64_t> first_bad_id;  // the first row whose hash does not match
  std::string problem;
};
// Walks the whole chain in id order (calls progress(done, total) now and then).
Result<AuditCheck> verify_audit(Connection& db,
                                const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace kc::store
