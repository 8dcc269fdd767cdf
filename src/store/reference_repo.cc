#include "store/reference_repo.h"

#include <map>

namespace kc::store {

struct ReferenceMemo {
  std::map<std::pair<std::string, std::string>, std::optional<ProvinceFacts>> provinces;
  std::map<std::string, std::optional<ContentFacts>> contents;
  std::map<std::string, bool> indicators;
  std::optional<std::map<std::string, std::int64_t>> indicator_order;
  std::map<std::pair<std::string, std::string>, std::optional<std::int64_t>> rule_amounts;
};

ReferenceMemo& Connection::reference_memo() {
  if (!memo_) memo_ = std::make_shared<ReferenceMemo>();
  return *memo_;
}

Result<std::optional<ProvinceFacts>> find_province(Connection& db, const ProvinceRef& p) {
  auto& memo = db.reference_memo().provinces;
  if (auto it = memo.find({p.set, p.code}); it != memo.end()) return it->second;
  std::vector<Value> params{p.set, p.code};
  auto rows = db.query(
      "SELECT pr.name_vi, CASE WHEN pr.set_year = '2025' THEN pr.code ELSE m.new_code END, "
      "pr.region_code FROM provinces pr LEFT JOIN province_merger m ON m.old_code = pr.code "
      "AND pr.set_year = '2008' WHERE pr.set_year = ? AND pr.code = ?",
      params);
  if (!rows) return std::unexpected(rows.error());
  std::optional<ProvinceFacts> facts;
  if (!rows->empty())
    facts = ProvinceFacts{rows->front().str(0), rows->front().str(1), rows->front().str(2)};
  memo[{p.set, p.code}] = facts;
  return facts;
}

Result<std::vector<ProvinceRow>> list_provinces(Connection& db, const std::string& set) {
  auto rows =
      db.query("SELECT code, name_vi, region_code FROM provinces WHERE set_year = ? ORDER BY code",
               std::vector<Value>{set});
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProvinceRow> out;
  for (const auto& r : *rows) out.push_back({r.str(0), r.str(1), r.str(2)});
  return out;
}

Result<std::optional<ContentFacts>> find_content(Connection& db, const std::string& code) {
  auto& memo = db.reference_memo().contents;
  if (auto it = memo.find(code); it != memo.end()) return it->second;
  std::vector<Value> params{code};
  auto rows = db.query("SELECT valid_from, valid_to, name_vi FROM contents WHERE code = ?", params);
  if (!rows) return std::unexpected(rows.error());
  std::optional<ContentFacts> facts;
  if (!rows->empty())
    facts = ContentFacts{rows->front().str(0), rows->front().str(1), rows->front().str(2)};
  return memo[code] = facts;
}

Result<std::optional<std::int64_t>> rule_amount(Connection& db, const std::string& key,
                                                const std::string& iso_date) {
  auto& memo = db.reference_memo().rule_amounts;
  if (auto it = memo.find({key, iso_date}); it != memo.end()) return it->second;
  auto rows = db.query(
      "SELECT max_amount_vnd FROM rules WHERE rule_key = ? AND valid_from <= ? AND "
      "(valid_to IS NULL OR valid_to >= ?) AND max_amount_vnd IS NOT NULL "
      "ORDER BY valid_from DESC LIMIT 1",
      std::vector<Value>{key, iso_date, iso_date});
  if (!rows) return std::unexpected(rows.error());
  std::optional<std::int64_t> amount;
  if (!rows->empty()) amount = rows->front().i64(0);
  return memo[{key, iso_date}] = amount;
}

Result<std::vector<SupportCeiling>> support_ceilings(Connection& db, const std::string& scope,
                                                     const std::string& content,
                                                     const std::string& iso_date) {
  auto rows = db.query(
      "SELECT rule_key, COALESCE(unit, ''), legal_basis, valid_from, COALESCE(max_pct_bp, 0), "
      "max_amount_vnd, confirmed FROM rules WHERE rule_key LIKE 'support_ceiling.%' AND "
      "scope = ? AND content_code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) "
      "AND max_amount_vnd IS NOT NULL ORDER BY rule_key",
      std::vector<Value>{scope, content, iso_date, iso_date});
  if (!rows) return std::unexpected(rows.error());
  std::vector<SupportCeiling> out;
  for (const auto& r : *rows)
    out.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.i64(4), r.i64(5), r.i64(6) != 0});
  return out;
}

Result<std::optional<RuleValue>> rule_text(Connection& db, const std::string& key,
                                           const std::string& iso_date) {
  auto rows = db.query(
      "SELECT value_text, legal_basis, valid_from, confirmed FROM rules WHERE rule_key = ? AND "
      "valid_from <= ? AND "
      "(valid_to IS NULL OR valid_to >= ?) AND value_text IS NOT NULL "
      "ORDER BY valid_from DESC LIMIT 1",
      std::vector<Value>{key, iso_date, iso_date});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<RuleValue>{};
  const auto& r = rows->front();
  return std::optional<RuleValue>{RuleValue{r.str(0), r.str(1), r.str(2), r.i64(3) != 0}};
}

Result<AdvanceRule> advance_rule(Connection& db, const std::string& content,
                                 const std::string& iso_date) {
  auto rows = db.query(
      "SELECT rule_key, max_pct_bp, value_text, legal_basis FROM rules WHERE "
      "rule_key LIKE 'advance_share.%' AND (content_code = ? OR rule_key = "
      "'advance_share.default') AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) "
      "ORDER BY CASE WHEN rule_key = 'advance_share.default' THEN 1 ELSE 0 END, valid_from DESC "
      "LIMIT 1",
      std::vector<Value>{content, iso_date, iso_date});
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty())
    return std::unexpected(Error::internal("no advance_share rule in force on " + iso_date));
  const auto& r = rows->front();
  AdvanceRule rule{r.str(0), r.i64(1), 0, r.str(3)};
  // value_text holds the progress share a report must show first ("0.5"), as a fraction.
  if (const std::string share = r.str(2); !share.empty())
    rule.min_progress_pct = static_cast<std::int64_t>(std::stod(share) * 100 + 0.5);
  return rule;
}

Result<bool> indicator_exists(Connection& db, const std::string& code) {
  auto& memo = db.reference_memo().indicators;
  if (auto it = memo.find(code); it != memo.end()) return it->second;
  std::vector<Value> params{code};
  auto n = db.scalar("SELECT COUNT(*) FROM indicators WHERE code = ?", params);
  if (!n) return std::unexpected(n.error());
  return memo[code] = *n > 0;
}

Result<std::map<std::string, std::int64_t>> indicator_order(Connection& db) {
  auto& memo = db.reference_memo().indicator_order;
  if (memo) return *memo;
  auto rows = db.query("SELECT code, sort_order FROM indicators", {});
  if (!rows) return std::unexpected(rows.error());
  std::map<std::string, std::int64_t> order;
  for (const auto& r : *rows) order.emplace(r.str(0), r.i64(1));
  memo = order;
  return order;
}

Result<bool> area_exists(Connection& db, const std::string& code) {
  auto n = db.scalar("SELECT COUNT(*) FROM areas WHERE code = ?", std::vector<Value>{code});
  if (!n) return std::unexpected(n.error());
  return *n > 0;
}

Result<std::string> area_of_region(Connection& db, const std::string& region,
                                   const std::string& iso_date) {
  auto rows = db.query(
      "SELECT area_code FROM region_areas WHERE region_code = ? AND valid_from <= ? AND "
      "(valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from DESC",
      std::vector<Value>{region, iso_date, iso_date});
  if (!rows) return std::unexpected(rows.error());
  return rows->empty() ? std::string() : rows->front().str(0);
}

Result<std::optional<ReferenceTable>> list_reference(Connection& db, const std::string& name) {
  struct Source {
    const char* name;
    std::vector<std::string> columns;
    const char* sql;
  };
  static const Source kSources[] = {
      {"regions",
       {"code", "name_vi", "name_en", "sort_order"},
       "SELECT code, name_vi, name_en, sort_order FROM regions ORDER BY sort_order"},
      {"areas",
       {"code", "name_vi", "name_en", "sort_order"},
       "SELECT code, name_vi, name_en, sort_order FROM areas ORDER BY sort_order"},
      {"region-areas",
       {"region_code", "area_code", "valid_from", "valid_to", "legal_basis", "confirmed"},
       "SELECT region_code, area_code, valid_from, valid_to, legal_basis, confirmed FROM "
       "region_areas "
       "ORDER BY region_code, valid_from"},
      {"provinces-2008",
       {"code", "name_vi", "name_ascii", "region_code", "code_2025"},
       "SELECT p.code, p.name_vi, p.name_ascii, p.region_code, m.new_code FROM provinces p "
       "JOIN province_merger m ON m.old_code = p.code WHERE p.set_year = '2008' ORDER BY p.code"},
      {"provinces-2025",
       {"code", "name_vi", "name_ascii", "region_code"},
       "SELECT code, name_vi, name_ascii, region_code FROM provinces WHERE set_year = '2025' "
       "ORDER BY code"},
      {"province-merger",
       {"old_code", "new_code", "effective_from"},
       "SELECT old_code, new_code, effective_from FROM province_merger ORDER BY old_code"},
      {"contents",
       {"code", "number", "name_vi", "name_en", "group_code", "legal_basis", "valid_from",
        "valid_to", "confirmed"},
       "SELECT code, number, name_vi, name_en, group_code, legal_basis, valid_from, valid_to, "
       "confirmed FROM contents ORDER BY valid_from, number"},
      {"indicators",
       {"code", "name_vi", "name_en", "unit_vi", "unit_en", "sort_order"},
       "SELECT code, name_vi, name_en, unit_vi, unit_en, sort_order FROM indicators ORDER BY "
       "sort_order"},
      {"program-periods",
       {"code", "level", "name_vi", "name_en", "start_year", "end_year", "legal_basis",
        "confirmed"},
       "SELECT code, level, name_vi, name_en, start_year, end_year, legal_basis, confirmed FROM "
       "program_periods ORDER BY level, start_year"},
      {"period-targets",
       {"period_code", "indicator_code", "target", "legal_basis", "confirmed"},
       "SELECT period_code, indicator_code, target, legal_basis, confirmed FROM period_targets "
       "ORDER BY period_code, indicator_code"},
      {"report-groups",
       {"code", "name_vi", "name_en", "sort_order", "legal_basis", "confirmed"},
       "SELECT code, name_vi, name_en, sort_order, legal_basis, confirmed FROM report_groups "
       "ORDER BY sort_order"},
      {"content-report-groups",
       {"content_code", "group_code", "valid_from", "valid_to", "legal_basis", "confirmed"},
       "SELECT content_code, group_code, valid_from, valid_to, legal_basis, confirmed FROM "
       "content_report_groups ORDER BY content_code, valid_from"},
      {"rules",
       {"id", "rule_key", "scope", "content_code", "max_pct_bp", "max_amount_vnd", "value_text",
        "unit", "valid_from", "valid_to", "legal_basis", "confirmed", "note"},
       "SELECT id, rule_key, scope, content_code, max_pct_bp, max_amount_vnd, value_text, unit, "
       "valid_from, valid_to, legal_basis, confirmed, note FROM rules ORDER BY rule_key, "
       "valid_from"},
  };
  for (const auto& s : kSources) {
    if (name != s.name) continue;
    auto rows = db.query(s.sql, {});
    if (!rows) return std::unexpected(rows.error());
    return std::optional<ReferenceTable>{ReferenceTable{s.columns, std::move(*rows)}};
  }
  return std::optional<ReferenceTable>{};
}

}  // namespace kc::store
