#pragma once
// A proposal's written dossier (domain/dossier.h): read it, and write it whole. Writing it is
// an edit of the project — the same permission, scope, status and version rules, one
// transaction, one audit row (action `dossier`) — and, when it itemizes costs, sets the
// project's requested, counterpart and total amounts to the items' sums (and the ceilings are
// checked on them as on any save).
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "domain/dossier.h"
#include "store/db.h"

namespace kc::app {

// The dossier as the API shows it (an empty one when none is stored yet).
Result<nlohmann::json> get_dossier(store::Connection& db, const Actor& a, std::int64_t project_id);
// Reads a dossier body: `version` (the project's version read), the texts, `milestones`
// [{date, description}] and `cost_items` [{category, description, program_vnd,
// counterpart_vnd}], and an optional `reason` for the audit trail. Fills `version` and
// `reason`.
Result<Dossier> dossier_from_json(const nlohmann::json& j, std::int64_t& version,
                                  std::string& reason);
Result<nlohmann::json> put_dossier(store::Connection& db, const Actor& a, Dossier d,
                                   std::int64_t version, const std::string& reason = {});

}  // namespace kc::app
