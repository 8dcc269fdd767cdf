#include "app/audit.h"

namespace kc::app {
namespace {

AuditEntry audit_entry(const Actor& actor, const char* entity, std::int64_t id, const char* action,
                       const nlohmann::json& before, const nlohmann::json& after,
                       const std::string& reason) {
  AuditEntry e;
  e.user_id = actor.user_id;
  e.user_login = actor.login.empty() ? std::string(role_name(actor.role)) : actor.login;
  e.entity = entity, e.entity_id = id, e.action = action, e.reason = reason;
  if (!before.is_null()) e.before_json = before.dump();
  if (!after.is_null()) e.after_json = after.dump();
  return e;
}

}  // namespace

Status audit(store::Connection& db, const Actor& actor, const char* entity, std::int64_t id,
             const char* action, const nlohmann::json& before, const nlohmann::json& after,
             const std::string& reason) {
  return store::append_audit(db, audit_entry(actor, entity, id, action, before, after, reason));
}

nlohmann::json history_json(const std::vector<AuditEntry>& entries) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : entries) {
    auto parse = [](const std::string& s) {
      return s.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(s, nullptr, false);
    };
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"user", e.user_login},
                     {"user_name", e.user_name.empty() ? e.user_login : e.user_name},
                     {"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"action", e.action},
                     {"before", parse(e.before_json)},
                     {"after", parse(e.after_json)},
                     {"reason", e.reason}});
  }
  return {{"items", items}, {"total", items.size()}};
}

Result<nlohmann::json> recent_audit(store::Connection& db, const Actor& a, int limit) {
  if (!may(a, Permission::read_audit)) return std::unexpected(Error::forbidden());
  auto rows = store::audit_recent(db, limit);
  if (!rows) return std::unexpected(rows.error());
  return history_json(*rows);
}

}  // namespace kc::app
