#pragma once
// Users, sessions and login throttling. Times are Unix seconds (integers) so that expiry
// comparisons are plain SQL on both databases.
#include <optional>

#include "domain/account.h"
#include "domain/project.h"
#include "store/db.h"

namespace kc::store {

Result<std::optional<User>> find_user_by_login(Connection& db, const std::string& login);
Result<User> get_user(Connection& db, std::int64_t id);
Result<std::vector<User>> list_users(Connection& db);
Result<std::int64_t> insert_user(Connection& db, const User& u);
// Updates everything but the password; matches (id, version).
Status update_user(Connection& db, const User& u);
Status set_password(Connection& db, std::int64_t user_id, const std::string& hash, bool demo);
Result<std::int64_t> count_users(Connection& db);
// Enabled accounts that still have a demo password.
Result<std::int64_t> count_demo_passwords(Connection& db);

Status insert_session(Connection& db, const Session& s);
// The session and its user in one query (every authenticated request asks).
Result<std::optional<std::pair<Session, User>>> find_session_user(Connection& db,
                                                                  const std::string& token_hash);
Status touch_session(Connection& db, const std::string& token_hash, std::int64_t now);
Status delete_session(Connection& db, const std::string& token_hash);
Status delete_user_sessions(Connection& db, std::int64_t user_id);

Result<Throttle> get_throttle(Connection& db, const std::string& login);
Status put_throttle(Connection& db, const std::string& login, const Throttle& t);
Status clear_throttle(Connection& db, const std::string& login);

}  // namespace kc::store
