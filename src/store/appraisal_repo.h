#pragma once
// Rounds, councils, assignments, scores and conclusions (domain/appraisal.h).
#include <optional>

#include "domain/appraisal.h"
#include "store/db.h"

namespace kc::store {

Result<Round> get_round(Connection& db, std::int64_t id);
Result<std::optional<Round>> find_round(Connection& db, std::int64_t program_id, int year);
// Rounds of a program (0 = every program) and year (0 = every year), newest first.
Result<std::vector<Round>> list_rounds(Connection& db, std::int64_t program_id, int year);
Result<std::int64_t> insert_round(Connection& db, const Round& r);
// Updates the dates, the rules and the criteria; matches (id, version).
Status update_round(Connection& db, const Round& r);
// Whether any member has scored any proposal of the round (the criteria are frozen then).
Result<bool> round_has_scores(Connection& db, std::int64_t round_id);

Result<Council> get_council(Connection& db, std::int64_t id);
Result<std::vector<Council>> list_councils(Connection& db, std::int64_t round_id);
Result<std::int64_t> insert_council(Connection& db, const Council& c);

// Assigns every (project, user) pair; pairs already assigned stay as they are.
Status add_assignments(Connection& db, std::int64_t council_id,
                       const std::vector<std::int64_t>& project_ids,
                       const std::vector<std::int64_t>& user_ids);
// The assignment's sheet (conflict and scores); nullopt when the member is not assigned.
Result<std::optional<ScoreSheet>> find_sheet(Connection& db, std::int64_t council_id,
                                             std::int64_t project_id, std::int64_t user_id);
// Every assignment of a council with its scores, ordered by project then user.
Result<std::vector<ScoreSheet>> council_sheets(Connection& db, std::int64_t council_id);
Status set_conflict(Connection& db, std::int64_t council_id, std::int64_t project_id,
                    std::int64_t user_id, const std::string& note);
Status replace_scores(Connection& db, const ScoreSheet& s);

// The proposals assigned in a council, with what a ranking shows of them.
struct CouncilProject {
  std::int64_t id = 0;
  std::string code, title, status, content_code, province_2025;  // the main province
  Vnd requested_vnd = 0;
};
Result<std::vector<CouncilProject>> council_projects(Connection& db, std::int64_t council_id);

struct Conclusion {
  std::int64_t project_id = 0;
  std::string conclusion;  // see kConclusions
  std::string note;
};
Result<std::vector<Conclusion>> council_conclusions(Connection& db, std::int64_t council_id);
Status put_conclusion(Connection& db, std::int64_t council_id, const Conclusion& c);

// The council's conclusion on its round (migration 015).
struct RoundConclusion {
  std::int64_t council_id = 0, passed = 0, with_changes = 0, failed = 0, created_by = 0;
  std::string concluded_on, summary, created_at;
};
Result<std::optional<RoundConclusion>> round_conclusion(Connection& db, std::int64_t council_id);
Status insert_round_conclusion(Connection& db, RoundConclusion& c);

}  // namespace kc::store
