#pragma once
// JSON of the execution records, as the API answers them (one shape everywhere: the lists,
// the project's execution view and the audit rows).
#include <nlohmann/json.hpp>

#include "store/contract_repo.h"

namespace kc::app {

nlohmann::json to_json(const store::Contract& c);
nlohmann::json to_json(const store::Payment& p);
nlohmann::json to_json(const store::ProgressReport& r);
nlohmann::json to_json(const store::Acceptance& a);
nlohmann::json to_json(const Ledger& l);

}  // namespace kc::app
