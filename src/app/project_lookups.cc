#include "app/project_lookups.h"

#include "store/project_repo.h"
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

}  // namespace kc::app
