#pragma once
// A council's work on its proposals: assignments, conflicts of interest, score sheets, the
// ranking (domain/appraisal.h aggregate + rank_order) and the council's conclusions. At the
// ministry level a conclusion also moves the proposal to `passed` or `failed`.
#include <nlohmann/json.hpp>

#include "app/exports.h"
#include "app/policy.h"
#include "domain/appraisal.h"
#include "store/db.h"

namespace kc::app {

// Whether the actor manages the council: the department any, a province its own province's.
bool manages_council(const Actor& a, const Council& c);

// Assigns the proposals to the members (`user_ids` empty: the chair and every member; the
// secretary does not score). Each proposal must be at the council's stage: in
// province_appraisal in the council's province, or in ministry_appraisal; and of the round.
Result<nlohmann::json> assign_projects(store::Connection& db, const Actor& a,
                                       std::int64_t council_id,
                                       const std::vector<std::int64_t>& project_ids,
                                       const std::vector<std::int64_t>& user_ids);
// The member declares a conflict of interest: excluded from the proposal, scores removed.
Result<nlohmann::json> declare_conflict(store::Connection& db, const Actor& a,
                                        std::int64_t council_id, std::int64_t project_id,
                                        const std::string& note);
// The acting member's sheet for a proposal, with the round's criteria.
Result<nlohmann::json> my_sheet(store::Connection& db, const Actor& a, std::int64_t council_id,
                                std::int64_t project_id);
// Saves the member's scores (a partial sheet is a draft; it counts once complete).
Result<nlohmann::json> save_sheet(store::Connection& db, const Actor& a, const ScoreSheet& s);
Result<ScoreSheet> sheet_from_json(const nlohmann::json& j);
// Progress per member and per proposal, and the ranking with its aggregates.
Result<nlohmann::json> council_ranking(store::Connection& db, const Actor& a,
                                       std::int64_t council_id);
// The ranking written to `path` as CSV or XLSX, in Vietnamese (app/ranking_export.cc).
Result<ExportResult> export_ranking(store::Connection& db, const Actor& a, std::int64_t council_id,
                                    const std::string& format, const std::string& path);
// The council's conclusion on one proposal (pass, pass_with_changes, fail).
Result<nlohmann::json> conclude(store::Connection& db, const Actor& a, std::int64_t council_id,
                                std::int64_t project_id, const std::string& conclusion,
                                const std::string& note);

}  // namespace kc::app
