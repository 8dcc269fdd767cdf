#include "store/account_repo.h"

#include "store/register_repo.h"

namespace kc::store {
namespace {

constexpr const char* kUserCols =
    "id, login, display_name, role, province_set, province_code, province_2025, organization_id, "
    "password_hash, demo_password, disabled, version";

User user_from(const Row& r) {
  User u;
  u.id = r.i64(0), u.login = r.str(1), u.display_name = r.str(2), u.role = r.str(3);
  if (!r.is_null(4)) u.province = ProvinceRef{r.str(4), r.str(5)};
  u.province_2025 = r.str(6), u.organization_id = r.i64(7), u.password_hash = r.str(8);
  u.demo_password = r.i64(9) != 0, u.disabled = r.i64(10) != 0, u.version = r.i64(11);
  return u;
}

Status done(Result<std::int64_t> r) {
  if (!r) return std::unexpected(r.error());
  return {};
}

std::vector<Value> user_values(const User& u) {
  return {u.display_name,
          u.role,
          u.province ? Value(u.province->set) : Value(nullptr),
          u.province ? Value(u.province->code) : Value(nullptr),
          text_or_null(u.province_2025),
          id_or_null(u.organization_id),
          std::int64_t{u.disabled}};
}

}  // namespace

Result<std::optional<User>> find_user_by_login(Connection& db, const std::string& login) {
  std::vector<Value> p{login};
  auto rows = db.query(std::string("SELECT ") + kUserCols + " FROM users WHERE login = ?", p);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<User>{};
  return std::optional<User>{user_from(rows->front())};
}

Result<User> get_user(Connection& db, std::int64_t id) {
  std::vector<Value> p{id};
  auto rows = db.query(std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?", p);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::not_found("user not found"));
  return user_from(rows->front());
}

Result<std::vector<User>> list_users(Connection& db) {
  auto rows = db.query(std::string("SELECT ") + kUserCols + " FROM users ORDER BY login", {});
  if (!rows) return std::unexpected(rows.error());
  std::vector<User> out;
  for (const auto& r : *rows) out.push_back(user_from(r));
  return out;
}

Result<std::int64_t> insert_user(Connection& db, const User& u) {
  std::string now = now_utc();
  std::vector<Value> v{u.login};
  for (auto& x : user_values(u)) v.push_back(std::move(x));
  v.insert(v.end(), {u.password_hash, std::int64_t{u.demo_password}, now, now});
  auto rows = db.query(
      "INSERT INTO users (login, display_name, role, province_set, province_code, province_2025, "
      "organization_id, disabled, password_hash, demo_password, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      v);
  if (!rows) return std::unexpected(rows.error());
  return rows->front().i64(0);
}

Status update_user(Connection& db, const User& u) {
  auto v = user_values(u);
  v.insert(v.end(), {now_utc(), u.id, u.version});
  auto n = db.exec(
      "UPDATE users SET display_name = ?, role = ?, province_set = ?, province_code = ?, "
      "province_2025 = ?, organization_id = ?, disabled = ?, version = version + 1, "
      "updated_at = ? WHERE id = ? AND version = ?",
      v);
  if (!n) return std::unexpected(n.error());
  if (*n == 0) return std::unexpected(stale_or_missing(db, "users", u.id));
  return {};
}

Status set_password(Connection& db, std::int64_t user_id, const std::string& hash, bool demo) {
  std::vector<Value> v{hash, std::int64_t{demo}, now_utc(), user_id};
  return done(
      db.exec("UPDATE users SET password_hash = ?, demo_password = ?, version = version + 1, "
              "updated_at = ? WHERE id = ?",
              v));
}

Result<std::int64_t> count_users(Connection& db) {
  return db.scalar("SELECT COUNT(*) FROM users", {});
}

Status insert_session(Connection& db, const Session& s) {
  std::vector<Value> v{s.token_hash, s.user_id,      s.csrf_token,
                       s.created_at, s.last_seen_at, s.expires_at};
  return done(
      db.exec("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
              "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
              v));
}

Result<std::optional<std::pair<Session, User>>> find_session_user(Connection& db,
                                                                  const std::string& token_hash) {
  std::string cols;
  for (std::string_view c :
       {"id", "login", "display_name", "role", "province_set", "province_code", "province_2025",
        "organization_id", "password_hash", "demo_password", "disabled", "version"})
    cols += std::string(cols.empty() ? "" : ", ") + "u." + std::string(c);
  auto rows = db.query(
      "SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, "
      "s.last_seen_at, s.expires_at, " +
          cols +
          " FROM sessions s JOIN users u ON u.id = s.user_id "
          "WHERE s.token_hash = ?",
      std::vector<Value>{token_hash});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::pair<Session, User>>{};
  const Row& r = rows->front();
  std::vector<Value> user_cols;
  for (size_t i = 6; i < r.size(); ++i)
    user_cols.push_back(r.is_null(i) ? Value(nullptr) : Value(r.str(i)));
  return std::optional<std::pair<Session, User>>{
      std::pair{Session{r.str(0), r.i64(1), r.str(2), r.i64(3), r.i64(4), r.i64(5)},
                user_from(Row(std::move(user_cols)))}};
}

Status touch_session(Connection& db, const std::string& token_hash, std::int64_t now) {
  std::vector<Value> v{now, token_hash};
  return done(db.exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", v));
}

Status delete_session(Connection& db, const std::string& token_hash) {
  std::vector<Value> v{token_hash};
  return done(db.exec("DELETE FROM sessions WHERE token_hash = ?", v));
}

Status delete_user_sessions(Connection& db, std::int64_t user_id) {
  std::vector<Value> v{user_id};
  return done(db.exec("DELETE FROM sessions WHERE user_id = ?", v));
}

Result<Throttle> get_throttle(Connection& db, const std::string& login) {
  std::vector<Value> p{login};
  auto rows = db.query(
      "SELECT failures, next_allowed_at, locked_until FROM login_throttle WHERE login = ?", p);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return Throttle{};
  return Throttle{rows->front().i64(0), rows->front().i64(1), rows->front().i64(2)};
}

Status put_throttle(Connection& db, const std::string& login, const Throttle& t) {
  std::vector<Value> v{login, t.failures, t.next_allowed_at, t.locked_until};
  return done(
      db.exec("INSERT INTO login_throttle (login, failures, next_allowed_at, locked_until) "
              "VALUES (?, ?, ?, ?) ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, "
              "next_allowed_at = excluded.next_allowed_at, locked_until = excluded.locked_until",
              v));
}

Status clear_throttle(Connection& db, const std::string& login) {
  std::vector<Value> v{login};
  return done(db.exec("DELETE FROM login_throttle WHERE login = ?", v));
}

Result<std::int64_t> count_demo_passwords(Connection& db) {
  return db.scalar("SELECT COUNT(*) FROM users WHERE demo_password = 1 AND disabled = 0", {});
}

}  // namespace kc::store
