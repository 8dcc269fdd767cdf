#include "store/petition_repo.h"

#include "domain/text.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kCols =
    "p.id, p.province_2025, p.title, p.body, p.status, p.filed_by, p.filed_on, p.due_on, "
    "p.assignee_id, p.answer, p.answered_by, p.answered_on, p.published, p.version, "
    "p.created_at, p.updated_at, f.display_name, a.display_name";
constexpr const char* kFrom =
    "petitions p LEFT JOIN users f ON f.id = p.filed_by LEFT JOIN users a ON a.id = "
    "p.assignee_id";

Petition petition_from(const Row& r) {
  Petition p;
  p.id = r.i64(0), p.province_2025 = r.str(1), p.title = r.str(2), p.body = r.str(3);
  p.status = r.str(4), p.filed_by = r.i64(5), p.filed_on = r.str(6), p.due_on = r.str(7);
  if (!r.is_null(8)) p.assignee_id = r.i64(8);
  p.answer = r.str(9);
  if (!r.is_null(10)) p.answered_by = r.i64(10);
  p.answered_on = r.str(11), p.published = r.i64(12) != 0, p.version = r.i64(13);
  p.created_at = r.str(14), p.updated_at = r.str(15), p.filed_by_name = r.str(16);
  p.assignee_name = r.str(17);
  return p;
}

Result<Page<Petition>> page_of(Connection& db, const Where& w, const std::string& order,
                               const ListQuery& q) {
  auto rows = fetch_page(db, kCols, kFrom, w, order, q);
  if (!rows) return std::unexpected(rows.error());
  Page<Petition> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(petition_from(r));
  return page;
}

}  // namespace

Result<Petition> get_petition(Connection& db, std::int64_t id) {
  return one_row<Petition>(db,
                           std::string("SELECT ") + kCols + " FROM " + kFrom + " WHERE p.id = ?",
                           {id}, "petition", petition_from);
}

Result<std::int64_t> insert_petition(Connection& db, const Petition& p) {
  std::string now = now_utc();
  return returned_id(db.query(
      "INSERT INTO petitions (province_2025, title, body, status, filed_by, filed_on, due_on, "
      "published, search_text, version, created_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, "
      "?, ?, 0, ?, 1, ?, ?) RETURNING id",
      std::vector<Value>{p.province_2025, p.title, p.body, p.filed_by, p.filed_on, p.due_on,
                         fold_for_search(p.title + " " + p.body), now, now}));
}

Status update_petition(Connection& db, const Petition& p) {
  return expect_one(
      db,
      db.exec("UPDATE petitions SET status = ?, assignee_id = ?, answer = ?, answered_by = ?, "
              "answered_on = ?, published = ?, version = version + 1, updated_at = ? WHERE id = "
              "? AND version = ?",
              std::vector<Value>{p.status, p.assignee_id ? Value(*p.assignee_id) : Value(nullptr),
                                 text_or_null(p.answer),
                                 p.answered_by ? Value(*p.answered_by) : Value(nullptr),
                                 text_or_null(p.answered_on), std::int64_t{p.published}, now_utc(),
                                 p.id, p.version}),
      "petitions", p.id);
}

Result<Page<Petition>> list_petitions(Connection& db, const ListQuery& q,
                                      const std::string& today) {
  Where w;
  if (q.scope_none) w.add("1 = 0");
  if (!q.scope_province.empty()) w.add("p.province_2025 = ?", {q.scope_province});
  if (q.id) w.add("p.id = ?", {*q.id});
  if (q.status == "open")
    w.add("p.status <> 'answered'");
  else if (!q.status.empty())
    w.add("p.status = ?", {q.status});
  if (!q.province.empty()) w.add("p.province_2025 = ?", {q.province});
  if (q.kind == "overdue") w.add("p.status <> 'answered' AND p.due_on < ?", {today});
  for (auto& pattern : search_patterns(q.q)) w.add("p.search_text LIKE ? ESCAPE '\\'", {pattern});
  return page_of(db, w,
                 order_by(q, {{"filed_on", "p.filed_on"}, {"due_on", "p.due_on"}},
                          "p.filed_on DESC, p.id", "p.id"),
                 q);
}

Result<Page<Petition>> published_petitions(Connection& db, int page, int page_size) {
  ListQuery q;
  q.page = page, q.page_size = page_size;
  Where w;
  w.add("p.published = 1");
  return page_of(db, w, "p.answered_on DESC, p.id DESC", q);
}

}  // namespace kc::store
