#include "store/appraisal_repo.h"

#include <map>

#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kRoundCols =
    "id, program_id, year, opens_on, closes_on, forward_by, pass_mark, trim_extremes, "
    "outlier_points, version";

Round round_from(const Row& r) {
  Round x;
  x.id = r.i64(0), x.program_id = r.i64(1), x.year = static_cast<int>(r.i64(2));
  x.opens_on = parse_date(r.str(3)).value_or(Date{});
  x.closes_on = parse_date(r.str(4)).value_or(Date{});
  x.forward_by = parse_date(r.str(5)).value_or(Date{});
  x.pass_mark = r.i64(6), x.trim_extremes = r.i64(7) != 0, x.outlier_points = r.i64(8);
  x.version = r.i64(9);
  return x;
}

// The criteria of the rounds in `rounds`, in their order.
Status read_criteria(Connection& db, std::vector<Round>& rounds) {
  if (rounds.empty()) return {};
  std::map<std::int64_t, Round*> by_id;
  std::string marks;
  std::vector<Value> ids;
  for (auto& r : rounds) {
    by_id[r.id] = &r;
    marks += marks.empty() ? "?" : ", ?";
    ids.emplace_back(r.id);
  }
  auto rows = db.query(
      "SELECT round_id, code, name, max_points, floor_points FROM round_criteria "
      "WHERE round_id IN (" +
          marks + ") ORDER BY round_id, position",
      ids);
  if (!rows) return std::unexpected(rows.error());
  for (const auto& row : *rows) {
    Criterion c{row.str(1), row.str(2), row.i64(3), std::nullopt};
    if (!row.is_null(4)) c.floor_points = row.i64(4);
    by_id[row.i64(0)]->criteria.push_back(std::move(c));
  }
  return {};
}

Status write_criteria(Connection& db, const Round& r) {
  if (auto s = db.exec("DELETE FROM round_criteria WHERE round_id = ?", std::vector<Value>{r.id});
      !s)
    return std::unexpected(s.error());
  std::vector<Value> v;
  for (std::size_t i = 0; i < r.criteria.size(); ++i) {
    const auto& c = r.criteria[i];
    v.insert(v.end(), {r.id, static_cast<std::int64_t>(i), c.code, c.name, c.max_points,
                       c.floor_points ? Value(*c.floor_points) : Value(nullptr)});
  }
  if (v.empty()) return {};
  return insert_rows(db, "round_criteria",
                     {"round_id", "position", "code", "name", "max_points", "floor_points"}, v);
}

Result<std::vector<Round>> rounds_where(Connection& db, const Where& w) {
  auto rows = db.query(std::string("SELECT ") + kRoundCols + " FROM rounds" + w.sql +
                           " ORDER BY year DESC, program_id, id",
                       w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Round> out;
  for (const auto& r : *rows) out.push_back(round_from(r));
  if (auto s = read_criteria(db, out); !s) return std::unexpected(s.error());
  return out;
}

}  // namespace

Result<Round> get_round(Connection& db, std::int64_t id) {
  Where w;
  w.add("id = ?", {id});
  auto rounds = rounds_where(db, w);
  if (!rounds) return std::unexpected(rounds.error());
  if (rounds->empty()) return std::unexpected(Error::not_found("round not found"));
  return std::move(rounds->front());
}

Result<std::optional<Round>> find_round(Connection& db, std::int64_t program_id, int year) {
  auto rounds = list_rounds(db, program_id, year);
  if (!rounds) return std::unexpected(rounds.error());
  if (rounds->empty()) return std::optional<Round>{};
  return std::optional<Round>{std::move(rounds->front())};
}

Result<std::vector<Round>> list_rounds(Connection& db, std::int64_t program_id, int year) {
  Where w;
  if (program_id > 0) w.add("program_id = ?", {program_id});
  if (year > 0) w.add("year = ?", {std::int64_t{year}});
  return rounds_where(db, w);
}

Result<std::int64_t> insert_round(Connection& db, const Round& r) {
  std::string now = now_utc();
  std::vector<Value> v{r.program_id,
                       std::int64_t{r.year},
                       to_iso(r.opens_on),
                       to_iso(r.closes_on),
                       to_iso(r.forward_by),
                       r.pass_mark.value_or(50),
                       std::int64_t{r.trim_extremes.value_or(false) ? 1 : 0},
                       r.outlier_points.value_or(20),
                       now,
                       now};
  auto id = returned_id(
      db.query("INSERT INTO rounds (program_id, year, opens_on, closes_on, forward_by, pass_mark, "
               "trim_extremes, outlier_points, version, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
               v));
  if (!id) return id;
  Round stored = r;
  stored.id = *id;
  if (auto s = write_criteria(db, stored); !s) return std::unexpected(s.error());
  return id;
}

Status update_round(Connection& db, const Round& r) {
  std::vector<Value> v{to_iso(r.opens_on),
                       to_iso(r.closes_on),
                       to_iso(r.forward_by),
                       r.pass_mark.value_or(50),
                       std::int64_t{r.trim_extremes.value_or(false) ? 1 : 0},
                       r.outlier_points.value_or(20),
                       now_utc(),
                       r.id,
                       r.version};
  auto changed = db.exec(
      "UPDATE rounds SET opens_on = ?, closes_on = ?, forward_by = ?, pass_mark = ?, "
      "trim_extremes = ?, outlier_points = ?, version = version + 1, updated_at = ? "
      "WHERE id = ? AND version = ?",
      v);
  if (auto s = expect_one(db, changed, "rounds", r.id); !s) return s;
  return write_criteria(db, r);
}

Result<bool> round_has_scores(Connection& db, std::int64_t round_id) {
  auto n = db.scalar(
      "SELECT COUNT(*) FROM scores s JOIN councils c ON c.id = s.council_id WHERE c.round_id = ?",
      std::vector<Value>{round_id});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

namespace {

constexpr const char* kCouncilCols =
    "c.id, c.round_id, c.level, c.province_2025, c.name, c.version";

Council council_from(const Row& r) {
  Council c;
  c.id = r.i64(0), c.round_id = r.i64(1), c.level = r.str(2), c.province_2025 = r.str(3);
  c.name = r.str(4), c.version = r.i64(5);
  return c;
}

Result<std::vector<Council>> councils_where(Connection& db, const Where& w) {
  auto rows = db.query(std::string("SELECT ") + kCouncilCols + " FROM councils c" + w.sql +
                           " ORDER BY c.level, c.id",
                       w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<Council> out;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : *rows) {
    at[r.i64(0)] = out.size();
    out.push_back(council_from(r));
  }
  if (out.empty()) return out;
  auto members = db.query(
      "SELECT m.council_id, m.user_id, m.role, u.display_name FROM council_members m "
      "JOIN users u ON u.id = m.user_id JOIN councils c ON c.id = m.council_id" +
          w.sql +
          " ORDER BY m.council_id, CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' "
          "THEN 1 ELSE 2 END, m.user_id",
      w.params);
  if (!members) return std::unexpected(members.error());
  for (const auto& m : *members)
    if (auto it = at.find(m.i64(0)); it != at.end())
      out[it->second].members.push_back({m.i64(1), m.str(2), m.str(3)});
  return out;
}

}  // namespace

Result<Council> get_council(Connection& db, std::int64_t id) {
  Where w;
  w.add("c.id = ?", {id});
  auto c = councils_where(db, w);
  if (!c) return std::unexpected(c.error());
  if (c->empty()) return std::unexpected(Error::not_found("council not found"));
  return std::move(c->front());
}

Result<std::vector<Council>> list_councils(Connection& db, std::int64_t round_id) {
  Where w;
  w.add("c.round_id = ?", {round_id});
  return councils_where(db, w);
}

Result<std::int64_t> insert_council(Connection& db, const Council& c) {
  std::vector<Value> v{c.round_id, c.level, c.province_2025, c.name, now_utc()};
  auto id = returned_id(
      db.query("INSERT INTO councils (round_id, level, province_2025, name, version, created_at) "
               "VALUES (?, ?, ?, ?, 1, ?) RETURNING id",
               v));
  if (!id) return id;
  std::vector<Value> rows;
  for (const auto& m : c.members) rows.insert(rows.end(), {*id, m.user_id, m.role});
  if (!rows.empty())
    if (auto s = insert_rows(db, "council_members", {"council_id", "user_id", "role"}, rows); !s)
      return std::unexpected(s.error());
  return id;
}

Status add_assignments(Connection& db, std::int64_t council_id,
                       const std::vector<std::int64_t>& project_ids,
                       const std::vector<std::int64_t>& user_ids) {
  for (auto p : project_ids)
    for (auto u : user_ids)
      if (auto s = db.exec(
              "INSERT INTO assignments (council_id, project_id, user_id, conflict) "
              "VALUES (?, ?, ?, 0) ON CONFLICT (council_id, project_id, user_id) DO NOTHING",
              std::vector<Value>{council_id, p, u});
          !s)
        return std::unexpected(s.error());
  return {};
}

namespace {

Result<std::vector<ScoreSheet>> sheets_where(Connection& db, const Where& w) {
  auto rows = db.query(
      "SELECT a.council_id, a.project_id, a.user_id, a.conflict, a.conflict_note FROM "
      "assignments a" +
          w.sql + " ORDER BY a.project_id, a.user_id",
      w.params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ScoreSheet> out;
  std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> at;
  for (const auto& r : *rows) {
    at[{r.i64(1), r.i64(2)}] = out.size();
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3) != 0, r.str(4), {}});
  }
  if (out.empty()) return out;
  auto scores = db.query(
      "SELECT s.project_id, s.user_id, s.criterion, s.points, s.comment FROM scores s JOIN "
      "assignments a ON a.council_id = s.council_id AND a.project_id = s.project_id AND "
      "a.user_id = s.user_id" +
          w.sql + " ORDER BY s.project_id, s.user_id, s.criterion",
      w.params);
  if (!scores) return std::unexpected(scores.error());
  for (const auto& s : *scores)
    if (auto it = at.find({s.i64(0), s.i64(1)}); it != at.end())
      out[it->second].lines.push_back({s.str(2), s.i64(3), s.str(4)});
  return out;
}

}  // namespace

Result<std::optional<ScoreSheet>> find_sheet(Connection& db, std::int64_t council_id,
                                             std::int64_t project_id, std::int64_t user_id) {
  Where w;
  w.add("a.council_id = ? AND a.project_id = ? AND a.user_id = ?",
        {council_id, project_id, user_id});
  auto sheets = sheets_where(db, w);
  if (!sheets) return std::unexpected(sheets.error());
  if (sheets->empty()) return std::optional<ScoreSheet>{};
  return std::optional<ScoreSheet>{std::move(sheets->front())};
}

Result<std::vector<ScoreSheet>> council_sheets(Connection& db, std::int64_t council_id) {
  Where w;
  w.add("a.council_id = ?", {council_id});
  return sheets_where(db, w);
}

Status set_conflict(Connection& db, std::int64_t council_id, std::int64_t project_id,
                    std::int64_t user_id, const std::string& note) {
  std::vector<Value> key{council_id, project_id, user_id};
  if (auto s = db.exec("DELETE FROM scores WHERE council_id = ? AND project_id = ? AND user_id = ?",
                       key);
      !s)
    return std::unexpected(s.error());
  return expect_one(db,
                    db.exec("UPDATE assignments SET conflict = 1, conflict_note = ? WHERE "
                            "council_id = ? AND project_id = ? AND user_id = ?",
                            std::vector<Value>{note, council_id, project_id, user_id}),
                    "assignments", project_id);
}

Status replace_scores(Connection& db, const ScoreSheet& s) {
  std::vector<Value> key{s.council_id, s.project_id, s.user_id};
  if (auto r = db.exec("DELETE FROM scores WHERE council_id = ? AND project_id = ? AND user_id = ?",
                       key);
      !r)
    return std::unexpected(r.error());
  std::vector<Value> v;
  for (const auto& l : s.lines)
    v.insert(v.end(), {s.council_id, s.project_id, s.user_id, l.criterion, l.points,
                       text_or_null(l.comment)});
  if (v.empty()) return {};
  return insert_rows(db, "scores",
                     {"council_id", "project_id", "user_id", "criterion", "points", "comment"}, v);
}

Result<std::vector<CouncilProject>> council_projects(Connection& db, std::int64_t council_id) {
  auto rows = db.query(
      "SELECT p.id, p.code, p.title, p.status, p.content_code, pp.province_2025, p.requested_vnd "
      "FROM projects p LEFT JOIN project_provinces pp ON pp.project_id = p.id AND pp.position = 0 "
      "WHERE p.id IN (SELECT a.project_id FROM assignments a WHERE a.council_id = ?) "
      "ORDER BY p.id",
      std::vector<Value>{council_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<CouncilProject> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.i64(6)});
  return out;
}

Result<std::vector<Conclusion>> council_conclusions(Connection& db, std::int64_t council_id) {
  auto rows = db.query(
      "SELECT project_id, conclusion, note FROM conclusions WHERE council_id = ? "
      "ORDER BY project_id",
      std::vector<Value>{council_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Conclusion> out;
  for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2)});
  return out;
}

Status put_conclusion(Connection& db, std::int64_t council_id, const Conclusion& c) {
  std::vector<Value> v{council_id, c.project_id, c.conclusion, text_or_null(c.note)};
  auto r = db.exec(
      "INSERT INTO conclusions (council_id, project_id, conclusion, note) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (council_id, project_id) DO UPDATE SET conclusion = excluded.conclusion, "
      "note = excluded.note",
      v);
  if (!r) return std::unexpected(r.error());
  return {};
}

Result<std::optional<RoundConclusion>> round_conclusion(Connection& db, std::int64_t council_id) {
  auto rows = db.query(
      "SELECT council_id, passed, with_changes, failed, created_by, concluded_on, summary, "
      "created_at FROM round_conclusions WHERE council_id = ?",
      std::vector<Value>{council_id});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<RoundConclusion>{};
  const Row& r = rows->front();
  return RoundConclusion{r.i64(0), r.i64(1), r.i64(2), r.i64(3),
                         r.i64(4), r.str(5), r.str(6), r.str(7)};
}

Status insert_round_conclusion(Connection& db, RoundConclusion& c) {
  c.created_at = now_utc();
  auto s = db.exec(
      "INSERT INTO round_conclusions (council_id, concluded_on, summary, passed, with_changes, "
      "failed, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      std::vector<Value>{c.council_id, c.concluded_on, c.summary, c.passed, c.with_changes,
                         c.failed, c.created_by, c.created_at});
  if (!s) return std::unexpected(s.error());
  return {};
}

}  // namespace kc::store
