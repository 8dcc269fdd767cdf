#pragma once
// Projects (đề án) with their child rows: provinces, beneficiaries, cooperating units,
// expected outputs and priority flags. A write replaces all child rows in the caller's
// transaction. `facts[i]` must describe `p.provinces[i]`.
#include <functional>
#include <optional>

#include "domain/list_query.h"

#include "domain/project.h"
#include "store/db.h"
#include "store/reference_repo.h"

namespace kc::store {

Result<Project> get_project(Connection& db, std::int64_t id);
Result<std::int64_t> insert_project(Connection& db, const Project& p,
                                    const std::vector<ProvinceFacts>& facts);
// Matches on (p.id, p.version): stale -> conflict, missing -> not_found.
Status update_project(Connection& db, const Project& p, const std::vector<ProvinceFacts>& facts);
// Inserts many new projects with their child rows by multi-row statements (imports); sets
// each project's id and version.
Status insert_projects(Connection& db, std::vector<Project>& ps,
                       const std::vector<std::vector<ProvinceFacts>>& facts);
// Every stored project code (imports check a file's codes against them in memory).
Result<std::vector<std::string>> project_codes(Connection& db);

// The id of the project with this code in the program, if there is one.
Result<std::optional<std::int64_t>> find_program_project(Connection& db, std::int64_t program_id,
                                                         const std::string& code);
// The id of the project with this code (codes are unique), if there is one.
Result<std::optional<std::int64_t>> find_project_code(Connection& db, const std::string& code);
// Whether another project (not except_id) has this code.
Result<bool> project_code_taken(Connection& db, const std::string& code, std::int64_t except_id);
// Sets the status, matching (id, version): stale -> conflict, missing -> not_found.
// The appraisal score (hundredths of a point) the ministry council concluded with; written in
// the conclusion's transaction just before the pass step, whose version and audit row cover it.
Status set_project_score(Connection& db, std::int64_t id, std::int64_t score_centi);
Status set_project_status(Connection& db, std::int64_t id, std::int64_t version,
                          const std::string& status);
Result<std::int64_t> count_projects(Connection& db);

// Other proposals and projects that support one of `facility_ids` with `content_code` in the
// years [from_year, to_year], leaving out `except_id` and those that ended without support
// (draft, withdrawn, failed, not forwarded, cancelled). For the repeat-support and duplicate
// checks; ordered by year and code.
struct SupportRow {
  std::int64_t project_id = 0, facility_id = 0;
  std::string code, status;
  int year = 0;
};
Result<std::vector<SupportRow>> earlier_support(Connection& db,
                                                const std::vector<std::int64_t>& facility_ids,
                                                const std::string& content_code, int from_year,
                                                int to_year, std::int64_t except_id);

// A page of list rows: the project's own columns and provinces (no outputs, beneficiaries,
// flags), plus the implementing unit's name.
Result<Page<ProjectListItem>> list_projects(Connection& db, const ListQuery& q);

// Every project matching q (paging ignored), in q's order, with all child rows, handed to
// `fn` in batches of `batch` (with the total count): memory holds one batch (and the ids),
// whatever the number of projects; six queries per batch.
Status each_project_batch(Connection& db, const ListQuery& q, std::size_t batch,
                          const std::function<Status(std::vector<Project>&, std::size_t)>& fn);

Result<ProjectTotals> project_totals(Connection& db, const ListQuery& q);

}  // namespace kc::store
