#pragma once
// Writes the audit row of a change, inside the use case's transaction.
#include <nlohmann/json.hpp>
#include <string>

#include "app/policy.h"
#include "store/audit_repo.h"
#include "store/db.h"

namespace kc::app {

// Writes the audit row of a change. `before`/`after` are the record's JSON (null when there
// is none).
Status audit(store::Connection& db, const Actor& actor, const char* entity, std::int64_t id,
             const char* action, const nlohmann::json& before, const nlohmann::json& after,
             const std::string& reason = {});

// The latest `limit` rows of the whole trail (permission read_audit), newest first.
Result<nlohmann::json> recent_audit(store::Connection& db, const Actor& a, int limit);

// The history of one record, oldest first, as the API shows it.
nlohmann::json history_json(const std::vector<AuditEntry>& entries);

}  // namespace kc::app
