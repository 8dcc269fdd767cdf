#pragma once
// The scenario document (what the UI saves and the CLI reads, docs/plan-scenario.schema.json)
// and the answer document (docs/plan-result.schema.json). Reading is strict: unknown fields,
// impossible numbers and limits without a bound are refused, each error naming its field.
#include <nlohmann/json.hpp>

#include "domain/error.h"
#include "planning/model.h"

namespace kc::app {

using nlohmann::json;

Result<planning::Scenario> scenario_from_json(const json& j);
json to_json(const planning::Scenario& s);

// The answer, with the candidates' codes and ids.
json to_json(const planning::Answer& a, const planning::Problem& p);

}  // namespace kc::app
