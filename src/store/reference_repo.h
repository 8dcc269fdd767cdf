#pragma once
// Read access to the reference catalogues (regions, areas, provinces of both sets, the 2025
// merger, contents of activity, indicators, dated rules). The catalogues change only with a
// migration, so each connection keeps what it has looked up (Connection::reference_memo); a
// use case that one day edits a catalogue must reset the memo of every connection.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/execution.h"
#include "domain/project.h"
#include "store/db.h"

namespace kc::store {

// What the register derives from a province reference for reporting.
struct ProvinceFacts {
  std::string name_vi;
  std::string province_2025;  // the code in the 34-province set
  std::string region_code;    // region of the province in its own set
};

// nullopt when the province does not exist in its set.
Result<std::optional<ProvinceFacts>> find_province(Connection& db, const ProvinceRef& p);

// The provinces of one set ("2008" or "2025"), by code.
struct ProvinceRow {
  std::string code, name_vi, region_code;
};
Result<std::vector<ProvinceRow>> list_provinces(Connection& db, const std::string& set);

struct ContentFacts {
  std::string valid_from;  // ISO date
  std::string valid_to;    // ISO date or ""
  std::string name_vi;
};
Result<std::optional<ContentFacts>> find_content(Connection& db, const std::string& code);
// The max_amount_vnd of the rule `key` in force on `iso_date` (nullopt when none is).
Result<std::optional<std::int64_t>> rule_amount(Connection& db, const std::string& key,
                                                const std::string& iso_date);

// The support ceilings (`support_ceiling.*` rules) in force on `iso_date` for a content of
// activity under a program level ("KCQG"): the share of the eligible cost (basis points, 0 =
// none) and the amount, per `unit` ("per model", "per facility", ...).
struct SupportCeiling {
  std::string key, unit, legal_basis, valid_from;
  std::int64_t pct_bp = 0, max_amount_vnd = 0;
  bool confirmed = false;
};
Result<std::vector<SupportCeiling>> support_ceilings(Connection& db, const std::string& scope,
                                                     const std::string& content,
                                                     const std::string& iso_date);

// A dated setting in force on a date: its value_text ("05-20", "50") and where it comes from.
struct RuleValue {
  std::string value, legal_basis, valid_from;
  bool confirmed = false;
};
// The setting `key` in force on `iso_date`; nullopt when none is.
Result<std::optional<RuleValue>> rule_text(Connection& db, const std::string& key,
                                           const std::string& iso_date);

// The advance rule in force on `iso_date` for an activity (content code): its own row of the
// `advance_share.*` rules, else `advance_share.default`.
Result<AdvanceRule> advance_rule(Connection& db, const std::string& content,
                                 const std::string& iso_date);

Result<bool> indicator_exists(Connection& db, const std::string& code);
// Each indicator's place in the catalogue's order (its sort_order), by code.
Result<std::map<std::string, std::int64_t>> indicator_order(Connection& db);
// Whether an area (BAC, TRUNG, NAM: data/areas.csv) has this code.
Result<bool> area_exists(Connection& db, const std::string& code);
// The area a region belongs to on `iso_date` ("" when none).
Result<std::string> area_of_region(Connection& db, const std::string& region,
                                   const std::string& iso_date);

// Generic listing of a reference table as rows of (column name, value) for the API.
struct ReferenceTable {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};
// `name` is one of: regions, areas, region-areas, provinces-2008, provinces-2025,
// province-merger, contents, indicators, rules. nullopt for any other name.
Result<std::optional<ReferenceTable>> list_reference(Connection& db, const std::string& name);

}  // namespace kc::store
