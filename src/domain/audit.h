#pragma once
// One row of the audit trail (see store/audit_repo.h for the hash chain).
#include <cstdint>
#include <string>

namespace kc {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::int64_t user_id = 0;  // 0 = the command line
  std::string user_login;
  std::string entity;  // table name: projects, programs, users, ...
  std::int64_t entity_id = 0;
  std::string action;       // create, update, cancel, disable, password, ...
  std::string before_json;  // "" when none
  std::string after_json;
  std::string reason;
  std::string prev_hash;
  std::string hash;
  // Read only, not hashed: the user's display name when the account still exists.
  std::string user_name;
};

}  // namespace kc
