#pragma once
// Accounts and sessions. Passwords are hashed with Argon2id and never logged or returned.
// Sessions live in the database (several server processes can share them); the cookie holds
// a random token and the database only its SHA-256. Every state-changing request must carry
// the session's CSRF token. Failed logins are counted per login name — whether or not the
// name exists, so that the answers never tell — and slow down, then lock, further attempts.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/policy.h"
#include "app/session_cache.h"
#include "store/account_repo.h"
#include "store/db.h"

namespace kc::app {

struct SessionSettings {
  std::int64_t idle_seconds = 30 * 60;
  std::int64_t absolute_seconds = 12 * 60 * 60;
  // How often a session in use has its last_seen_at written: at most once a minute (a write
  // per request would be wasteful), and often enough that a session in use never reaches its
  // idle limit — every quarter of it when that is short (`serve --session-idle 2`).
  std::int64_t touch_seconds() const {
    return std::clamp<std::int64_t>(idle_seconds / 4, 1, kSessionTouchSeconds);
  }
};

struct LoginPolicy {
  std::int64_t free_failures = 2;       // failures before attempts slow down
  std::int64_t lock_after = 5;          // failures that lock the name
  std::int64_t lock_seconds = 15 * 60;  // how long a lock lasts
};

struct LoginResult {
  std::string token;  // for the cookie; shown nowhere else
  std::string csrf;
  User user;
};

// Wrong name, wrong password and disabled account all give the same unauthenticated error.
Result<LoginResult> login(store::Connection& db, const std::string& login,
                          const std::string& password, const SessionSettings& s,
                          const LoginPolicy& policy, std::int64_t now);
// Ends the session; the write raises the data version, so that no server's cache keeps it.
Status logout(store::Connection& db, const std::string& token);

struct Authenticated {
  Actor actor;
  std::string csrf;
  User user;
};
// nullopt when the token names no live session (unknown, idle too long, past its absolute
// expiry, or its user disabled); an expired session is deleted. With a cache and the data
// version read for this request, a session read at the same version is not read again
// (app/session_cache.h).
Result<std::optional<Authenticated>> authenticate(store::Connection& db, const std::string& token,
                                                  const SessionSettings& s, std::int64_t now,
                                                  SessionCache* cache = nullptr,
                                                  std::int64_t version = 0);

// The actor a user acts as.
Actor actor_of(const User& u);

// A user as the API shows it (no password hash).
nlohmann::json user_json(const User& u);

struct UserInput {
  std::string login, display_name, role;
  std::optional<ProvinceRef> province;
  std::int64_t organization_id = 0;
  bool disabled = false;
  std::int64_t version = 0;
};
Result<UserInput> user_from_json(const nlohmann::json& j, bool for_update);

Result<std::vector<User>> list_users(store::Connection& db, const Actor& a);
Result<User> create_user(store::Connection& db, const Actor& a, const UserInput& in,
                         const std::string& password, bool demo_password = false);
Result<User> update_user(store::Connection& db, const Actor& a, std::int64_t id,
                         const UserInput& in);
// The logged-in user changes their own password: the current one must match; then every
// session of the user ends (the user logs in again with the new password).
Status change_own_password(store::Connection& db, const Actor& a, const std::string& current,
                           const std::string& password);
// Sets a new password and ends the user's sessions.
Status set_user_password(store::Connection& db, const Actor& a, std::int64_t id,
                         const std::string& password);
Result<User> find_user(store::Connection& db, const std::string& login);

// When there is no user yet: creates `admin` with a random password and returns it.
Result<std::optional<std::string>> ensure_first_admin(store::Connection& db);
// The demo accounts (one per role, password "demo"); see README.
Status create_demo_accounts(store::Connection& db, const Actor& a);
// Whether an enabled account still has a demo password.
Result<bool> demo_password_in_use(store::Connection& db);

}  // namespace kc::app
