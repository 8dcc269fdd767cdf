#include "store/contract_repo.h"

#include <map>

#include "store/project_rows.h"
#include "store/sql.h"

namespace kc::store {
namespace {

// Every execution list reads through its contract `c`, the contract's project `p` and the
// project's program `g`; the project filters and the user's scope apply to `p`.
constexpr const char* kJoin =
    " JOIN contracts c ON c.id = x.contract_id JOIN projects p ON p.id = c.project_id "
    "JOIN programs g ON g.id = p.program_id";
constexpr const char* kRefColumns = "g.id, p.code, p.title, g.code, p.year";

ProjectRef ref_from(const Row& r, std::size_t at) {
  return {r.i64(at), r.str(at + 1), r.str(at + 2), r.str(at + 3), static_cast<int>(r.i64(at + 4))};
}

Where execution_filter(ListQuery q, std::int64_t contract_id) {
  std::string status = std::move(q.status);
  q.status.clear();
  Where w = project_filter(q);
  if (!status.empty()) w.add("c.status = ?", {status});
  if (contract_id > 0) w.add("c.id = ?", {contract_id});
  return w;
}

constexpr const char* kContractColumns =
    "c.id, c.project_id, c.level, c.parent_id, c.number, c.signed_on, c.party_a, c.party_b, "
    "c.organization_id, c.facility_id, c.value_vnd, c.counterpart_vnd, c.counterpart_paid_vnd, "
    "c.start_on, c.end_on, c.status, c.advance_bp, c.advance_rule, c.settled_on, "
    "c.status_reason, c.version, c.created_by, c.created_at, c.updated_at, c.officer_id, "
    "COALESCE(ou.display_name, '')";
constexpr std::size_t kContractRef = 26;

Contract contract_from(const Row& r) {
  Contract c;
  c.id = r.i64(0), c.project_id = r.i64(1), c.level = r.str(2), c.parent_id = r.i64(3);
  c.number = r.str(4), c.signed_on = r.str(5), c.party_a = r.str(6), c.party_b = r.str(7);
  c.organization_id = r.i64(8), c.facility_id = r.i64(9), c.value = r.i64(10);
  c.counterpart = r.i64(11), c.counterpart_paid = r.i64(12), c.start_on = r.str(13);
  c.end_on = r.str(14), c.status = r.str(15), c.advance_bp = r.i64(16);
  c.advance_rule = r.str(17), c.settled_on = r.str(18), c.status_reason = r.str(19);
  c.version = r.i64(20), c.created_by = r.i64(21), c.created_at = r.str(22);
  c.updated_at = r.str(23), c.officer_id = r.i64(24), c.officer_name = r.str(25);
  c.project = ref_from(r, kContractRef);
  return c;
}

std::string contract_select() {
  return std::string(kContractColumns) + ", " + kRefColumns;
}
constexpr const char* kContractFrom =
    "contracts c JOIN projects p ON p.id = c.project_id JOIN programs g ON g.id = p.program_id "
    "LEFT JOIN users ou ON ou.id = c.officer_id";

template <class T, class F>
Result<Page<T>> page_of(Connection& db, const std::string& select, const std::string& from,
                        const Where& w, const std::string& order, const ListQuery& q,
                        F&& from_row) {
  auto rows = fetch_page(db, select, from, w, order, q);
  if (!rows) return std::unexpected(rows.error());
  Page<T> page{{}, rows->total, q.page, q.page_size};
  for (const auto& r : rows->rows) page.items.push_back(from_row(r));
  return page;
}

}  // namespace

Result<std::int64_t> insert_contract(Connection& db, Contract& c) {
  c.created_at = c.updated_at = now_utc();
  c.version = 1;
  auto id = returned_id(db.query(
      "INSERT INTO contracts (project_id, level, parent_id, number, signed_on, party_a, party_b, "
      "organization_id, facility_id, value_vnd, counterpart_vnd, counterpart_paid_vnd, start_on, "
      "end_on, status, advance_bp, advance_rule, settled_on, status_reason, version, created_by, "
      "created_at, updated_at, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      std::vector<Value>{c.project_id,
                         c.level,
                         id_or_null(c.parent_id),
                         c.number,
                         c.signed_on,
                         c.party_a,
                         c.party_b,
                         id_or_null(c.organization_id),
                         id_or_null(c.facility_id),
                         c.value,
                         c.counterpart,
                         c.counterpart_paid,
                         c.start_on,
                         c.end_on,
                         c.status,
                         c.advance_bp,
                         c.advance_rule,
                         c.settled_on,
                         c.status_reason,
                         c.version,
                         c.created_by,
                         c.created_at,
                         c.updated_at,
                         id_or_null(c.officer_id)}));
  if (id) c.id = *id;
  return id;
}

Status update_contract(Connection& db, Contract& c) {
  c.updated_at = now_utc();
  auto changed = db.exec(
      "UPDATE contracts SET number = ?, signed_on = ?, value_vnd = ?, counterpart_vnd = ?, "
      "counterpart_paid_vnd = ?, start_on = ?, end_on = ?, status = ?, settled_on = ?, "
      "status_reason = ?, officer_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND "
      "version = ?",
      std::vector<Value>{c.number, c.signed_on, c.value, c.counterpart, c.counterpart_paid,
                         c.start_on, c.end_on, c.status, c.settled_on, c.status_reason,
                         id_or_null(c.officer_id), c.updated_at, c.id, c.version});
  if (auto s = expect_one(db, changed, "contracts", c.id); !s) return s;
  ++c.version;
  return {};
}

Result<Contract> get_contract(Connection& db, std::int64_t id) {
  return one_row<Contract>(
      db, "SELECT " + contract_select() + " FROM " + kContractFrom + " WHERE c.id = ?", {id},
      "contract", contract_from);
}

Result<Page<Contract>> list_contracts(Connection& db, const ListQuery& q) {
  // The contract list filters its own rows: alias the contract as both `x` and `c`.
  Where w = execution_filter(q, 0);
  std::string order = order_by(q,
                               {{"number", "c.number"},
                                {"signed_on", "c.signed_on"},
                                {"value_vnd", "c.value_vnd"},
                                {"status", "c.status"},
                                {"end_on", "c.end_on"},
                                {"code", "p.code"}},
                               "p.code", "c.id");
  return page_of<Contract>(db, contract_select(), kContractFrom, w, order, q, contract_from);
}

Result<std::vector<Contract>> project_contracts(Connection& db, std::int64_t project_id) {
  auto rows = db.query("SELECT " + contract_select() + " FROM " + kContractFrom +
                           " WHERE c.project_id = ? ORDER BY c.level, c.id",
                       std::vector<Value>{project_id});
  if (!rows) return std::unexpected(rows.error());
  std::vector<Contract> out;
  for (const auto& r : *rows) out.push_back(contract_from(r));
  return out;
}

// --- payments ---------------------------------------------------------------------------------

Result<std::int64_t> insert_payment(Connection& db, Payment& p) {
  p.created_at = now_utc();
  auto id = returned_id(
      db.query("INSERT INTO payments (contract_id, kind, amount_vnd, paid_on, reference, note, "
               "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               std::vector<Value>{p.contract_id, p.kind, p.amount, p.paid_on, p.reference, p.note,
                                  p.created_by, p.created_at}));
  if (id) p.id = *id;
  return id;
}

Result<Page<Payment>> list_payments(Connection& db, const ListQuery& q, std::int64_t contract_id) {
  Where w = execution_filter(q, contract_id);
  std::string order =
      order_by(q, {{"paid_on", "x.paid_on"}, {"amount_vnd", "x.amount_vnd"}, {"kind", "x.kind"}},
               "x.paid_on", "x.id");
  return page_of<Payment>(
      db,
      std::string("x.id, x.contract_id, x.kind, x.amount_vnd, x.paid_on, x.reference, x.note, "
                  "x.created_by, x.created_at, c.number, c.project_id, ") +
          kRefColumns,
      std::string("payments x") + kJoin, w, order, q, [](const Row& r) {
        Payment p;
        p.id = r.i64(0), p.contract_id = r.i64(1), p.kind = r.str(2), p.amount = r.i64(3);
        p.paid_on = r.str(4), p.reference = r.str(5), p.note = r.str(6);
        p.created_by = r.i64(7), p.created_at = r.str(8), p.contract_number = r.str(9);
        p.project_id = r.i64(10), p.project = ref_from(r, 11);
        return p;
      });
}

Result<Ledger> contract_ledger(Connection& db, std::int64_t contract_id) {
  auto rows = db.query(
      "SELECT kind, SUM(amount_vnd) FROM payments WHERE contract_id = ? "
      "GROUP BY kind",
      std::vector<Value>{contract_id});
  if (!rows) return std::unexpected(rows.error());
  Ledger l;
  for (const auto& r : *rows) {
    const std::string kind = r.str(0);
    (kind == "advance" ? l.advanced : kind == "payment" ? l.paid : l.recovered) = r.i64(1);
  }
  return l;
}

// --- progress reports -------------------------------------------------------------------------

Result<std::int64_t> insert_report(Connection& db, ProgressReport& r) {
  r.created_at = now_utc();
  auto id = returned_id(db.query(
      "INSERT INTO progress_reports (contract_id, period_end, progress_pct, spent_vnd, problems, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      std::vector<Value>{r.contract_id, r.period_end, r.progress_pct, r.spent, r.problems,
                         r.created_by, r.created_at}));
  if (id) r.id = *id;
  return id;
}

Result<Page<ProgressReport>> list_reports(Connection& db, const ListQuery& q,
                                          std::int64_t contract_id) {
  Where w = execution_filter(q, contract_id);
  std::string order =
      order_by(q, {{"period_end", "x.period_end"}, {"progress_pct", "x.progress_pct"}},
               "x.period_end", "x.id");
  return page_of<ProgressReport>(
      db,
      std::string("x.id, x.contract_id, x.period_end, x.progress_pct, x.spent_vnd, x.problems, "
                  "x.created_by, x.created_at, c.number, c.project_id, ") +
          kRefColumns,
      std::string("progress_reports x") + kJoin, w, order, q, [](const Row& r) {
        ProgressReport p;
        p.id = r.i64(0), p.contract_id = r.i64(1), p.period_end = r.str(2);
        p.progress_pct = r.i64(3), p.spent = r.i64(4), p.problems = r.str(5);
        p.created_by = r.i64(6), p.created_at = r.str(7), p.contract_number = r.str(8);
        p.project_id = r.i64(9), p.project = ref_from(r, 10);
        return p;
      });
}

Result<std::int64_t> best_progress(Connection& db, std::int64_t contract_id) {
  return db.scalar(
      "SELECT COALESCE(MAX(progress_pct), -1) FROM progress_reports "
      "WHERE contract_id = ?",
      std::vector<Value>{contract_id});
}

// --- acceptances ------------------------------------------------------------------------------

Result<std::int64_t> insert_acceptance(Connection& db, Acceptance& a) {
  a.created_at = now_utc();
  auto id = returned_id(
      db.query("INSERT INTO acceptances (contract_id, number, accepted_on, verdict, accepted_vnd, "
               "conclusion, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               std::vector<Value>{a.contract_id, a.number, a.accepted_on, a.verdict, a.accepted,
                                  a.conclusion, a.created_by, a.created_at}));
  if (!id) return id;
  a.id = *id;
  std::vector<Value> outs, bens;
  for (const auto& o : a.outputs)
    outs.insert(outs.end(), {a.id, o.indicator, o.expected, o.actual});
  for (auto f : a.beneficiaries) bens.insert(bens.end(), {a.id, f});
  if (!outs.empty())
    if (auto s = insert_rows(db, "acceptance_outputs",
                             {"acceptance_id", "indicator_code", "expected", "actual"}, outs);
        !s)
      return std::unexpected(s.error());
  if (!bens.empty())
    if (auto s =
            insert_rows(db, "acceptance_beneficiaries", {"acceptance_id", "facility_id"}, bens);
        !s)
      return std::unexpected(s.error());
  return id;
}

Result<Page<Acceptance>> list_acceptances(Connection& db, const ListQuery& q,
                                          std::int64_t contract_id) {
  Where w = execution_filter(q, contract_id);
  std::string order =
      order_by(q, {{"accepted_on", "x.accepted_on"}, {"accepted_vnd", "x.accepted_vnd"}},
               "x.accepted_on", "x.id");
  auto page = page_of<Acceptance>(
      db,
      std::string("x.id, x.contract_id, x.number, x.accepted_on, x.verdict, x.accepted_vnd, "
                  "x.conclusion, x.created_by, x.created_at, c.number, c.project_id, ") +
          kRefColumns,
      std::string("acceptances x") + kJoin, w, order, q, [](const Row& r) {
        Acceptance a;
        a.id = r.i64(0), a.contract_id = r.i64(1), a.number = r.str(2), a.accepted_on = r.str(3);
        a.verdict = r.str(4), a.accepted = r.i64(5), a.conclusion = r.str(6);
        a.created_by = r.i64(7), a.created_at = r.str(8), a.contract_number = r.str(9);
        a.project_id = r.i64(10), a.project = ref_from(r, 11);
        return a;
      });
  if (!page || page->items.empty()) return page;
  // The page's outputs and beneficiaries: two queries whatever the page size.
  std::map<std::int64_t, Acceptance*> at;
  std::string ids;
  std::vector<Value> params;
  for (auto& a : page->items) {
    at[a.id] = &a;
    ids += ids.empty() ? "?" : ", ?";
    params.emplace_back(a.id);
  }
  auto outs = db.query(
      "SELECT acceptance_id, indicator_code, expected, actual FROM "
      "acceptance_outputs WHERE acceptance_id IN (" +
          ids + ") ORDER BY acceptance_id, indicator_code",
      params);
  if (!outs) return std::unexpected(outs.error());
  for (const auto& r : *outs) at[r.i64(0)]->outputs.push_back({r.str(1), r.i64(2), r.i64(3)});
  auto bens = db.query(
      "SELECT acceptance_id, facility_id FROM acceptance_beneficiaries WHERE "
      "acceptance_id IN (" +
          ids + ") ORDER BY acceptance_id, facility_id",
      params);
  if (!bens) return std::unexpected(bens.error());
  for (const auto& r : *bens) at[r.i64(0)]->beneficiaries.push_back(r.i64(1));
  return page;
}

Result<std::optional<Acceptance>> contract_acceptance(Connection& db, std::int64_t contract_id) {
  ListQuery q;
  q.page_size = 1;
  auto page = list_acceptances(db, q, contract_id);
  if (!page) return std::unexpected(page.error());
  if (page->items.empty()) return std::optional<Acceptance>{};
  return std::optional<Acceptance>{std::move(page->items.front())};
}

}  // namespace kc::store
