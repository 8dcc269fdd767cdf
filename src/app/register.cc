#include "app/register.h"

#include "app/checks.h"
#include "domain/validation.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

// Validates shape and province; returns the province facts for the write.
template <class T>
Result<store::ProvinceFacts> check_with_province(store::Connection& db, const T& value,
                                                 const char* what) {
  auto errors = validate(value);
  std::optional<store::ProvinceFacts> facts;
  if (errors.empty()) {
    auto f = province_facts(db, value.province, "province", errors);
    if (!f) return std::unexpected(f.error());
    facts = *f;
  }
  if (auto s = fail_if_any(std::move(errors), what); !s) return std::unexpected(s.error());
  return *facts;
}

Status check_program(store::Connection& db, const Program& p) {
  auto errors = validate(p);
  if (errors.empty() && p.province) {
    if (auto f = province_facts(db, *p.province, "province", errors); !f)
      return std::unexpected(f.error());
  }
  return fail_if_any(std::move(errors), "program");
}

}  // namespace

Result<Program> create_program(store::Connection& db, const Program& p) {
  return in_write_tx(db, [&]() -> Result<Program> {
    if (auto s = check_program(db, p); !s) return std::unexpected(s.error());
    auto id = store::insert_program(db, p);
    if (!id) return std::unexpected(id.error());
    return store::get_program(db, *id);
  });
}

Result<Program> update_program(store::Connection& db, const Program& p) {
  return in_write_tx(db, [&]() -> Result<Program> {
    if (auto s = check_program(db, p); !s) return std::unexpected(s.error());
    if (auto s = store::update_program(db, p); !s) return std::unexpected(s.error());
    return store::get_program(db, p.id);
  });
}

Result<Program> get_program(store::Connection& db, std::int64_t id) {
  return store::get_program(db, id);
}

Result<store::Page<Program>> list_programs(store::Connection& db, const store::ListQuery& q) {
  return store::list_programs(db, q);
}

Status check_organization(store::Connection& db, const Organization& o) {
  auto f = check_with_province(db, o, "organization");
  if (!f) return std::unexpected(f.error());
  return {};
}

Status check_facility(store::Connection& db, const Facility& f) {
  auto facts = check_with_province(db, f, "facility");
  if (!facts) return std::unexpected(facts.error());
  return {};
}

Result<Organization> create_organization(store::Connection& db, const Organization& o) {
  return in_write_tx(db, [&]() -> Result<Organization> {
    auto facts = check_with_province(db, o, "organization");
    if (!facts) return std::unexpected(facts.error());
    auto id = store::insert_organization(db, o, *facts);
    if (!id) return std::unexpected(id.error());
    return store::get_organization(db, *id);
  });
}

Result<Organization> update_organization(store::Connection& db, const Organization& o) {
  return in_write_tx(db, [&]() -> Result<Organization> {
    auto facts = check_with_province(db, o, "organization");
    if (!facts) return std::unexpected(facts.error());
    if (auto s = store::update_organization(db, o, *facts); !s) return std::unexpected(s.error());
    return store::get_organization(db, o.id);
  });
}

Result<Organization> get_organization(store::Connection& db, std::int64_t id) {
  return store::get_organization(db, id);
}

Result<store::Page<Organization>> list_organizations(store::Connection& db,
                                                     const store::ListQuery& q) {
  return store::list_organizations(db, q);
}

Result<Facility> create_facility(store::Connection& db, const Facility& f) {
  return in_write_tx(db, [&]() -> Result<Facility> {
    auto facts = check_with_province(db, f, "facility");
    if (!facts) return std::unexpected(facts.error());
    auto id = store::insert_facility(db, f, *facts);
    if (!id) return std::unexpected(id.error());
    return store::get_facility(db, *id);
  });
}

Result<Facility> update_facility(store::Connection& db, const Facility& f) {
  return in_write_tx(db, [&]() -> Result<Facility> {
    auto facts = check_with_province(db, f, "facility");
    if (!facts) return std::unexpected(facts.error());
    if (auto s = store::update_facility(db, f, *facts); !s) return std::unexpected(s.error());
    return store::get_facility(db, f.id);
  });
}

Result<Facility> get_facility(store::Connection& db, std::int64_t id) {
  return store::get_facility(db, id);
}

Result<store::Page<Facility>> list_facilities(store::Connection& db, const store::ListQuery& q) {
  return store::list_facilities(db, q);
}

}  // namespace kc::app
