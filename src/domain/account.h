#pragma once
// Accounts, sessions and login throttling as values. Times are Unix seconds.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/project.h"

namespace kc {

struct User {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  std::string role;
  std::optional<ProvinceRef> province;  // for role province
  std::string province_2025;            // derived scope code
  std::int64_t organization_id = 0;     // for role unit
  std::string password_hash;            // never leaves app/accounts
  bool demo_password = false;
  bool disabled = false;
  std::int64_t version = 0;
};

// A login session: the database holds only the SHA-256 of the cookie's token.
struct Session {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0;
};

// Failed logins of one login name.
struct Throttle {
  std::int64_t failures = 0, next_allowed_at = 0, locked_until = 0;
};

}  // namespace kc
