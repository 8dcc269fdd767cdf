#include "app/project_lookups.h"

#include "store/project_repo.h"
#include "store/reference_repo.h"
#include "store/register_repo.h"

namespace kc::app {

Result<std::optional<Program>> ProjectLookups::program(std::int64_t id) {
  if (memoize_)
    if (auto it = programs_.find(id); it != programs_.end()) return it->second;
  std::optional<Program> found;
  auto p = store::get_program(db_, id);
  if (p)
    found = std::move(*p);
  else if (p.error().kind != ErrorKind::not_found)
    return std::unexpected(p.error());
  if (memoize_) programs_.emplace(id, found);
  return found;
}

Result<std::optional<std::string>> ProjectLookups::place_province(const char* table,
                                                                  std::int64_t id) {
  auto& memo = std::string_view(table) == "facilities" ? facilities_ : organizations_;
  if (memoize_)
    if (auto it = memo.find(id); it != memo.end()) return it->second;
  auto province = store::place_province(db_, table, id);
  if (!province) return province;
  if (memoize_) memo.emplace(id, *province);
  return province;
}

Result<bool> ProjectLookups::code_taken(const std::string& code, std::int64_t except_id) {
  if (!memoize_) return store::project_code_taken(db_, code, except_id);
  if (!codes_) {
    auto stored = store::project_codes(db_);
    if (!stored) return std::unexpected(stored.error());
    codes_.emplace(std::make_move_iterator(stored->begin()),
                   std::make_move_iterator(stored->end()));
  }
  return codes_->contains(code);
}

void ProjectLookups::take_code(const std::string& code) {
  if (codes_) codes_->insert(code);
}

Result<std::vector<std::string>> ProjectLookups::facility_flags(std::int64_t id) {
  if (memoize_)
    if (auto it = facility_flags_.find(id); it != facility_flags_.end()) return it->second;
  std::vector<std::string> flags;
  auto f = store::get_facility(db_, id);
  if (!f && f.error().kind != ErrorKind::not_found) return std::unexpected(f.error());
  if (f) {
    if (f->women_owned) flags.push_back("women_owned");
    if (f->employees >= 50) flags.push_back("workers_50_plus");
    if (f->ethnic_minority_workers) flags.push_back("ethnic_minorities");
  }
  if (memoize_) facility_flags_.emplace(id, flags);
  return flags;
}

Result<std::string> ProjectLookups::setting(const std::string& key, const std::string& iso_date) {
  std::string memo_key = key + "@" + iso_date;
  if (memoize_)
    if (auto it = settings_.find(memo_key); it != settings_.end()) return it->second;
  auto r = store::rule_text(db_, key, iso_date);
  if (!r) return std::unexpected(r.error());
  std::string value = *r ? (*r)->value : "";
  if (memoize_) settings_.emplace(memo_key, value);
  return value;
}

}  // namespace kc::app
