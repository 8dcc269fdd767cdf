#pragma once
// Rules an entity must satisfy on its own, without looking anything up. Each function returns
// every broken rule (empty = valid), naming the field as the API names it. Checks that need
// the reference catalogues or other records (does this content exist, is it valid in that
// year, does the organization exist) live in app/.
#include <vector>

#include "domain/error.h"
#include "domain/project.h"

namespace kc {

std::vector<FieldError> validate(const Program& p);
std::vector<FieldError> validate(const Organization& o);
std::vector<FieldError> validate(const Facility& f);
std::vector<FieldError> validate(const Project& p);

// Checks a province reference's shape (set and two-digit code), appending to `out`.
void validate_province_shape(const ProvinceRef& p, const std::string& field,
                             std::vector<FieldError>& out);

}  // namespace kc
