#pragma once
// Localities' petitions to the department (migration 022). Callers run writes inside a
// Transaction; a change matches (id, version).
#include <optional>
#include <string>

#include "domain/list_query.h"
#include "store/db.h"

namespace kc::store {

struct Petition {
  std::int64_t id = 0, version = 0, filed_by = 0;
  std::string province_2025, title, body, status;  // submitted | assigned | answered
  std::string filed_on, due_on;                    // dates ISO
  std::optional<std::int64_t> assignee_id, answered_by;
  std::string answer, answered_on;
  bool published = false;
  std::string created_at, updated_at;
  // Read back: the names of the filer and the assignee.
  std::string filed_by_name, assignee_name;
};

Result<Petition> get_petition(Connection& db, std::int64_t id);
Result<std::int64_t> insert_petition(Connection& db, const Petition& p);
// Writes status, assignee, answer, answered_by/on and published of p (p.version: the one read).
Status update_petition(Connection& db, const Petition& p);
// Filters: status (submitted, assigned, answered, or "open": not answered), province (34-set),
// q (title, body), kind = "overdue" (open and due before `today`); scope_province narrows to a
// province's own. Sort: filed_on (default, newest first), due_on.
Result<Page<Petition>> list_petitions(Connection& db, const ListQuery& q, const std::string& today);
// The published answers, newest first (the public bulletin).
Result<Page<Petition>> published_petitions(Connection& db, int page, int page_size);

}  // namespace kc::store
