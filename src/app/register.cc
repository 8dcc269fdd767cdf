#include "app/register.h"

#include "app/audit.h"
#include "app/checks.h"
#include "app/codec.h"
#include "domain/validation.h"
#include "store/audit_repo.h"
#include "store/register_repo.h"

namespace kc::app {
namespace {

// Validates shape and province, and that the province lies in the user's scope; returns
// the province facts for the write.
template <class T>
Result<store::ProvinceFacts> check_place(store::Connection& db, const Actor& a, const T& value,
                                         const char* what) {
  auto errors = validate(value);
  std::optional<store::ProvinceFacts> facts;
  if (errors.empty()) {
    auto f = province_facts(db, value.province, "province", errors);
    if (!f) return std::unexpected(f.error());
    facts = *f;
  }
  if (auto s = fail_if_any(std::move(errors), what); !s) return std::unexpected(s.error());
  Scope scope = place_scope(a);
  if (!scope.all && facts->province_2025 != scope.province_2025)
    return std::unexpected(Error::invalid(std::string("the ") + what + " is outside your province",
                                          {{"province", FieldCode::own_province}}));
  return *facts;
}

Status check_program(store::Connection& db, const Program& p) {
  auto errors = validate(p);
  if (auto s = check_amount_ceiling(db, {{"budget_vnd", p.budget_vnd}}, errors); !s) return s;
  if (errors.empty() && p.province) {
    if (auto f = province_facts(db, *p.province, "province", errors); !f)
      return std::unexpected(f.error());
  }
  return fail_if_any(std::move(errors), "program");
}

// Reads one organization or facility if the user may see it (else not found).
template <class T>
Result<T> scoped_get(store::Connection& db, const Actor& a, std::int64_t id,
                     Result<T> (*get)(store::Connection&, std::int64_t)) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  auto v = get(db, id);
  if (!v) return v;
  Scope s = place_scope(a);
  if (s.all) return v;
  auto facts = store::find_province(db, v->province);
  if (!facts) return std::unexpected(facts.error());
  if (s.none || !*facts || (*facts)->province_2025 != s.province_2025)
    return std::unexpected(Error::not_found("not found"));
  return v;
}

template <class T>
Result<T> write_place(store::Connection& db, const Actor& a, const T& value, const char* entity,
                      const char* what, Result<T> (*get)(store::Connection&, std::int64_t),
                      Result<std::int64_t> (*insert)(store::Connection&, const T&,
                                                     const store::ProvinceFacts&),
                      Status (*update)(store::Connection&, const T&, const store::ProvinceFacts&),
                      const std::string& reason = {}) {
  if (!may(a, Permission::write_places)) return std::unexpected(Error::forbidden());
  // A facility's write changes its row, its search index and the audit chain, nothing else
  // (the test FacilityWritesStayInTheRegister): the answers that read no facility stay cached.
  constexpr auto bump = std::is_same_v<T, Facility> ? store::Transaction::Bump::facilities
                                                    : store::Transaction::Bump::yes;
  return in_write_tx(
      db,
      [&]() -> Result<T> {
        json before;
        if (value.id > 0) {
          auto old = scoped_get<T>(db, a, value.id, get);
          if (!old) return old;
          before = to_json(*old);
        }
        auto facts = check_place(db, a, value, what);
        if (!facts) return std::unexpected(facts.error());
        std::int64_t id = value.id;
        if (id > 0) {
          if (auto s = update(db, value, *facts); !s) return std::unexpected(s.error());
        } else {
          auto inserted = insert(db, value, *facts);
          if (!inserted) return std::unexpected(inserted.error());
          id = *inserted;
        }
        auto stored = get(db, id);
        if (!stored) return stored;
        if (auto s = audit(db, a, entity, id, value.id > 0 ? "update" : "create", before,
                           to_json(*stored), reason);
            !s)
          return std::unexpected(s.error());
        return stored;
      },
      bump);
}

template <class T>
Result<Page<T>> list_places(store::Connection& db, const Actor& a, ListQuery q,
                            Result<Page<T>> (*list)(store::Connection&, const ListQuery&)) {
  if (!may(a, Permission::read_places)) return std::unexpected(Error::forbidden());
  apply_scope(q, place_scope(a));
  return list(db, q);
}

}  // namespace

Result<Program> create_program(store::Connection& db, const Actor& a, const Program& p) {
  if (!may(a, Permission::write_programs)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<Program> {
    if (auto s = check_program(db, p); !s) return std::unexpected(s.error());
    auto id = store::insert_program(db, p);
    if (!id) return std::unexpected(id.error());
    auto stored = store::get_program(db, *id);
    if (!stored) return stored;
    if (auto s = audit(db, a, "programs", *id, "create", nullptr, to_json(*stored)); !s)
      return std::unexpected(s.error());
    return stored;
  });
}

Result<Program> update_program(store::Connection& db, const Actor& a, const Program& p,
                               const std::string& reason) {
  if (!may(a, Permission::write_programs)) return std::unexpected(Error::forbidden());
  return in_write_tx(db, [&]() -> Result<Program> {
    auto before = store::get_program(db, p.id);
    if (!before) return before;
    if (auto s = check_program(db, p); !s) return std::unexpected(s.error());
    if (auto s = store::update_program(db, p); !s) return std::unexpected(s.error());
    auto stored = store::get_program(db, p.id);
    if (!stored) return stored;
    if (auto s =
            audit(db, a, "programs", p.id, "update", to_json(*before), to_json(*stored), reason);
        !s)
      return std::unexpected(s.error());
    return stored;
  });
}

Result<Program> get_program(store::Connection& db, const Actor& a, std::int64_t id) {
  if (!may(a, Permission::read_programs)) return std::unexpected(Error::forbidden());
  return store::get_program(db, id);
}

Result<Page<Program>> list_programs(store::Connection& db, const Actor& a, ListQuery q) {
  if (!may(a, Permission::read_programs)) return std::unexpected(Error::forbidden());
  return store::list_programs(db, q);
}

Result<Organization> create_organization(store::Connection& db, const Actor& a,
                                         const Organization& o) {
  Organization fresh = o;
  fresh.id = 0;
  return write_place<Organization>(db, a, fresh, "organizations", "organization",
                                   store::get_organization, store::insert_organization,
                                   store::update_organization);
}

Result<Organization> update_organization(store::Connection& db, const Actor& a,
                                         const Organization& o, const std::string& reason) {
  return write_place<Organization>(db, a, o, "organizations", "organization",
                                   store::get_organization, store::insert_organization,
                                   store::update_organization, reason);
}

Result<Organization> get_organization(store::Connection& db, const Actor& a, std::int64_t id) {
  return scoped_get<Organization>(db, a, id, store::get_organization);
}

Result<Page<Organization>> list_organizations(store::Connection& db, const Actor& a, ListQuery q) {
  return list_places<Organization>(db, a, std::move(q), store::list_organizations);
}

Result<Facility> create_facility(store::Connection& db, const Actor& a, const Facility& f) {
  Facility fresh = f;
  fresh.id = 0;
  return write_place<Facility>(db, a, fresh, "facilities", "facility", store::get_facility,
                               store::insert_facility, store::update_facility);
}

Result<Facility> update_facility(store::Connection& db, const Actor& a, const Facility& f,
                                 const std::string& reason) {
  return write_place<Facility>(db, a, f, "facilities", "facility", store::get_facility,
                               store::insert_facility, store::update_facility, reason);
}

Result<Facility> get_facility(store::Connection& db, const Actor& a, std::int64_t id) {
  return scoped_get<Facility>(db, a, id, store::get_facility);
}

Result<Page<Facility>> list_facilities(store::Connection& db, const Actor& a, ListQuery q) {
  return list_places<Facility>(db, a, std::move(q), [](store::Connection& c, const ListQuery& l) {
    return store::list_facilities(c, l);
  });
}

Result<nlohmann::json> organization_history(store::Connection& db, const Actor& a,
                                            std::int64_t id) {
  auto o = get_organization(db, a, id);
  if (!o) return std::unexpected(o.error());
  auto h = store::audit_history(db, "organizations", id);
  if (!h) return std::unexpected(h.error());
  return history_json(*h);
}

Result<nlohmann::json> facility_history(store::Connection& db, const Actor& a, std::int64_t id) {
  auto f = get_facility(db, a, id);
  if (!f) return std::unexpected(f.error());
  auto h = store::audit_history(db, "facilities", id);
  if (!h) return std::unexpected(h.error());
  return history_json(*h);
}

Result<std::int64_t> insert_organization_checked(store::Connection& db, const Actor& a,
                                                 const Organization& o) {
  auto facts = check_place(db, a, o, "organization");
  if (!facts) return std::unexpected(facts.error());
  auto id = store::insert_organization(db, o, *facts);
  if (!id) return id;
  Organization stored = o;
  stored.id = *id, stored.version = 1;
  if (auto s = audit(db, a, "organizations", *id, "create", nullptr, to_json(stored)); !s)
    return std::unexpected(s.error());
  return id;
}

Result<std::int64_t> insert_facility_checked(store::Connection& db, const Actor& a,
                                             const Facility& f) {
  auto facts = check_place(db, a, f, "facility");
  if (!facts) return std::unexpected(facts.error());
  auto id = store::insert_facility(db, f, *facts);
  if (!id) return id;
  Facility stored = f;
  stored.id = *id, stored.version = 1;
  if (auto s = audit(db, a, "facilities", *id, "create", nullptr, to_json(stored)); !s)
    return std::unexpected(s.error());
  return id;
}

}  // namespace kc::app
