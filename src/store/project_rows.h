#pragma once
// The one mapping between a project and its rows, shared by the repository's single reads,
// its lists and the exports: the SELECT list of the projects table (aliased `p`), the row
// mapping, and the child rows of a set of projects read in a fixed number of queries.
#include <vector>

#include "domain/project.h"
#include "store/db.h"
#include "store/sql.h"

namespace kc::store {

// Columns of `projects p` in the order project_from reads them.
extern const char* const kProjectColumns;
Project project_from(const Row& r);

// Fills provinces, beneficiaries, cooperating units, outputs and priority flags of every
// project in `ps` with five queries, whatever their number.
Status load_children(Connection& db, std::vector<Project*> ps);
// The WHERE clause of a project list query over `projects p` (filters and the user's scope);
// the execution lists reuse it to filter contracts and their records by their project.
Where project_filter(const ListQuery& q);

// The projects of the current plan with their amount (every decision's items summed) as
// "t.amount", joined to `projects p`, for a FROM clause that project_filter(q) then narrows.
// When q picks out few projects (a year, a program, a project), each amount is looked up by
// index for the matching projects only; otherwise the items are summed in one pass.
std::string current_plan_from(const ListQuery& q);

// Only the provinces (list rows).
Status load_provinces(Connection& db, std::vector<Project*> ps);

}  // namespace kc::store
