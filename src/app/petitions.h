#pragma once
// Localities' petitions (kiến nghị) to the department (issue 14): a province files a request
// or a question; the department assigns it to one of its officers and answers it within the
// dated setting `petition_answer_days` (30 days, a setting until a rule is confirmed); both
// see its status, and whether it is overdue. An answer may be published on the public
// bulletin (`/kien-nghi`).
//   file: {"title", "body"} — a province, for its own province (`file_petitions`).
//   assign: {"assignee_id"? (a department officer; default: oneself), "version"}.
//   answer: {"answer", "published"? (false), "version"} (`answer_petitions`: the department).
// The ministry, the department and the provinces read them (`read_petitions`); a province
// only its own (another's is not found).
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"
#include "store/petition_repo.h"

namespace kc::app {

// Filters: status (submitted, assigned, answered, open), province, kind=overdue, q.
Result<nlohmann::json> list_petitions(store::Connection& db, const Actor& a, ListQuery q);
Result<nlohmann::json> petition_json(store::Connection& db, const Actor& a, std::int64_t id);
Result<nlohmann::json> file_petition(store::Connection& db, const Actor& a,
                                     const nlohmann::json& body);
Result<nlohmann::json> assign_petition(store::Connection& db, const Actor& a, std::int64_t id,
                                       const nlohmann::json& body);
Result<nlohmann::json> answer_petition(store::Connection& db, const Actor& a, std::int64_t id,
                                       const nlohmann::json& body);
// The published answers, newest first, for the public.
Result<Page<store::Petition>> published_petitions(store::Connection& db, int page, int page_size);

}  // namespace kc::app
