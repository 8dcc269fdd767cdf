#pragma once
// A proposal's written dossier (migration 016): its text, milestones and cost items.
// Callers run these inside a transaction.
#include <optional>

#include "domain/dossier.h"
#include "store/db.h"

namespace kc::store {

// The stored dossier (nullopt when the project has none yet).
Result<std::optional<Dossier>> get_dossier(Connection& db, std::int64_t project_id);
// Writes the dossier in place of the one stored; sets d.updated_at.
Status replace_dossier(Connection& db, Dossier& d);
// The sums of the project's cost items (nullopt when it has none).
Result<std::optional<DossierTotals>> cost_totals(Connection& db, std::int64_t project_id);

}  // namespace kc::store
