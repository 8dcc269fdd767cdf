#pragma once
// Shared pieces of the use cases: turning field errors into an Error, and looking up a
// province in the reference catalogue with a field-named error.
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/project.h"
#include "store/db.h"
#include "store/reference_repo.h"

namespace kc::app {

// invalid_input naming every field, or success when `errors` is empty.
Status fail_if_any(std::vector<FieldError> errors, const char* what);

// The facts of a province, or a field error "<field>: unknown province" appended to errors
// (nullopt). A store failure is returned as an Error.
Result<std::optional<store::ProvinceFacts>> province_facts(store::Connection& db,
                                                           const ProvinceRef& p,
                                                           const std::string& field,
                                                           std::vector<FieldError>& errors);

// Appends "<field>: is above the ceiling of N đồng" for every amount above the dated
// `amount_ceiling` rule in force today (so that no sum of amounts can overflow).
Status check_amount_ceiling(store::Connection& db,
                            std::initializer_list<std::pair<const char*, Vnd>> amounts,
                            std::vector<FieldError>& errors);

// A whole-number dated setting (the rules table) in force on `on`; `fallback` when none is.
Result<std::int64_t> dated_setting(store::Connection& db, const char* key, const Date& on,
                                   std::int64_t fallback);

// The record a field names (`get(id)`: store::get_project, a scoped get_facility, ...): the
// record, or nullopt with "<field>: no such record" appended to errors when it is not found;
// any other failure as an Error.
template <class Get>
auto named_record(Get&& get, const std::string& field, std::int64_t id,
                  std::vector<FieldError>& errors)
    -> Result<std::optional<typename decltype(get(id))::value_type>> {
  auto found = get(id);
  if (found) return std::optional(std::move(*found));
  if (found.error().kind != ErrorKind::not_found) return std::unexpected(found.error());
  errors.push_back({field, FieldCode::no_such_record, {{"id", std::to_string(id)}}});
  return std::nullopt;
}

// Runs `work` in one write transaction; commits when it succeeds. `bump` says which data
// versions the commit raises (Bump::facilities: `work` changes only the facilities' register).
template <class F>
auto in_write_tx(store::Connection& db, F&& work,
                 store::Transaction::Bump bump = store::Transaction::Bump::yes)
    -> decltype(work()) {
  auto tx = store::Transaction::write(db, bump);
  if (!tx) return std::unexpected(tx.error());
  auto result = work();
  if (!result) return result;
  if (auto c = tx->commit(); !c) return std::unexpected(c.error());
  return result;
}

}  // namespace kc::app
