#include "store/chain_repo.h"

#include <algorithm>
#include <map>

#include "domain/text.h"
#include "store/register_repo.h"
#include "store/sql.h"

namespace kc::store {
namespace {

constexpr const char* kCols =
    "c.id, c.name, c.product_line, c.province_2025, c.description, c.version, "
    "(SELECT COUNT(*) FROM chain_links l WHERE l.chain_id = c.id AND l.role = 'supplier') AS "
    "suppliers, (SELECT COUNT(*) FROM chain_links l WHERE l.chain_id = c.id AND l.role = "
    "'producer') AS producers, (SELECT COUNT(*) FROM chain_links l WHERE l.chain_id = c.id AND "
    "l.role = 'buyer') AS buyers, (SELECT COUNT(*) FROM chain_projects k WHERE k.chain_id = "
    "c.id) AS projects, (SELECT COALESCE(SUM(p.requested_vnd), 0) FROM chain_projects k JOIN "
    "projects p ON p.id = k.project_id WHERE k.chain_id = c.id) AS requested";

Chain chain_from(const Row& r) {
  Chain c;
  c.id = r.i64(0), c.name = r.str(1), c.product_line = r.str(2), c.province_2025 = r.str(3);
  c.description = r.str(4), c.version = r.i64(5), c.suppliers = r.i64(6), c.producers = r.i64(7);
  c.buyers = r.i64(8), c.projects = r.i64(9), c.requested_vnd = r.i64(10);
  return c;
}

std::string search_text(const Chain& c) {
  return fold_for_search(c.name + " " + c.product_line + " " + c.description);
}

Where filter(const ListQuery& q) {
  Where w;
  if (q.id) w.add("c.id = ?", {*q.id});
  if (!q.province.empty()) w.add("c.province_2025 = ?", {q.province});
  for (auto& pattern : search_patterns(q.q)) w.add("c.search_text LIKE ? ESCAPE '\\'", {pattern});
  return w;
}

}  // namespace

Result<Chain> get_chain(Connection& db, std::int64_t id) {
  return one_row<Chain>(db,
                        std::string("SELECT ") + kCols + " FROM product_chains c WHERE c.id = ?",
                        {id}, "chain", chain_from);
}

Result<std::int64_t> insert_chain(Connection& db, const Chain& c) {
  std::string now = now_utc();
  return returned_id(db.query(
      "INSERT INTO product_chains (name, product_line, province_2025, description, search_text, "
      "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      std::vector<Value>{c.name, c.product_line, c.province_2025, text_or_null(c.description),
                         search_text(c), now, now}));
}

Status update_chain(Connection& db, const Chain& c) {
  return expect_one(
      db,
      db.exec(
          "UPDATE product_chains SET name = ?, product_line = ?, province_2025 = ?, "
          "description = ?, search_text = ?, version = version + 1, updated_at = ? WHERE id "
          "= ? AND version = ?",
          std::vector<Value>{c.name, c.product_line, c.province_2025, text_or_null(c.description),
                             search_text(c), now_utc(), c.id, c.version}),
      "product_chains", c.id);
}

Status set_chain_members(Connection& db, std::int64_t chain_id, const std::vector<ChainLink>& links,
                         const std::vector<std::int64_t>& projects) {
  for (const char* sql : {"DELETE FROM chain_links WHERE chain_id = ?",
                          "DELETE FROM chain_projects WHERE chain_id = ?"})
    if (auto n = db.exec(sql, std::vector<Value>{chain_id}); !n) return std::unexpected(n.error());
  for (const auto& l : links)
    if (auto n = db.exec("INSERT INTO chain_links (chain_id, facility_id, role) VALUES (?, ?, ?)",
                         std::vector<Value>{chain_id, l.facility_id, l.role});
        !n)
      return std::unexpected(n.error());
  for (auto p : projects)
    if (auto n = db.exec("INSERT INTO chain_projects (chain_id, project_id) VALUES (?, ?)",
                         std::vector<Value>{chain_id, p});
        !n)
      return std::unexpected(n.error());
  return {};
}

Result<std::vector<ChainLink>> chain_links(Connection& db, std::int64_t chain_id) {
  auto rows = db.query(
      "SELECT l.facility_id, l.role, f.name, f.kind, f.industry, f.province_2025 FROM "
      "chain_links l JOIN facilities f ON f.id = l.facility_id WHERE l.chain_id = ? ORDER BY "
      "CASE l.role WHEN 'supplier' THEN 1 WHEN 'producer' THEN 2 ELSE 3 END, f.name, f.id",
      std::vector<Value>{chain_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ChainLink> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  return out;
}

Result<std::vector<ChainProject>> chain_projects(Connection& db, std::int64_t chain_id) {
  auto rows = db.query(
      "SELECT p.id, p.year, p.requested_vnd, p.code, p.title, p.kind, p.status, "
      "(SELECT MIN(pp.province_2025) FROM project_provinces pp WHERE pp.project_id = p.id) FROM "
      "chain_projects k JOIN projects p ON p.id = k.project_id WHERE k.chain_id = ? ORDER BY "
      "p.year, p.code",
      std::vector<Value>{chain_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ChainProject> out;
  for (const auto& r : *rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7)});
  return out;
}

Result<Page<Chain>> list_chains(Connection& db, const ListQuery& q) {
  Where w = filter(q);
  auto rows = fetch_page(db, kCols, "product_chains c", w, "c.product_line, c.name, c.id", q);
  if (!rows) return std::unexpected(rows.error());
  Page<Chain> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(chain_from(r));
  return page;
}

Result<Chain> chain_totals(Connection& db, const ListQuery& q) {
  Where w = filter(q);
  auto rows = db.query(
      std::string("SELECT COUNT(*), COALESCE(SUM(t.suppliers), 0), COALESCE(SUM(t.producers), "
                  "0), COALESCE(SUM(t.buyers), 0), COALESCE(SUM(t.projects), 0), "
                  "COALESCE(SUM(t.requested), 0) FROM (SELECT ") +
          kCols + " FROM product_chains c" + w.sql + ") t",
      w.params);
  if (!rows) return std::unexpected(rows.error());
  const auto& r = rows->front();
  Chain t;
  t.id = r.i64(0), t.suppliers = r.i64(1), t.producers = r.i64(2), t.buyers = r.i64(3);
  t.projects = r.i64(4), t.requested_vnd = r.i64(5);
  return t;
}

Result<std::vector<ChainSeed>> chain_seeds(Connection& db, int min, int limit) {
  auto groups = db.query(
      "SELECT industry, province_2025 FROM facilities WHERE industry IS NOT NULL AND industry <> "
      "'' GROUP BY industry, province_2025 HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, industry, "
      "province_2025 LIMIT ?",
      std::vector<Value>{std::int64_t{min}, std::int64_t{limit}});
  if (!groups) return std::unexpected(groups.error());
  std::vector<ChainSeed> out;
  for (const auto& g : *groups) {
    ChainSeed s{g.str(0), g.str(1), {}, {}};
    auto rows = db.query(
        "SELECT f.id, p.id FROM facilities f LEFT JOIN acceptance_beneficiaries b ON "
        "b.facility_id = f.id LEFT JOIN acceptances a ON a.id = b.acceptance_id AND a.verdict <> "
        "'failed' LEFT JOIN contracts c ON c.id = a.contract_id LEFT JOIN projects p ON p.id = "
        "c.project_id WHERE f.industry = ? AND f.province_2025 = ? ORDER BY f.id, p.id",
        std::vector<Value>{s.industry, s.province_2025});
    if (!rows) return std::unexpected(rows.error());
    std::map<std::int64_t, bool> supported;
    for (const auto& r : *rows) {
      supported[r.i64(0)] |= !r.is_null(1);
      if (!r.is_null(1) &&
          std::find(s.projects.begin(), s.projects.end(), r.i64(1)) == s.projects.end())
        s.projects.push_back(r.i64(1));
    }
    for (auto [id, yes] : supported) s.facilities.emplace_back(id, yes);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kc::store
