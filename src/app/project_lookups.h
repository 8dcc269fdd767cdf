#pragma once
// The database look-ups of the project checks: the program, the province of an organization
// or facility, and whether a code is taken. A single request asks the database each time; an
// import asks once per distinct value for the whole file (inside its one write transaction
// nothing else changes them) and checks codes against the stored codes, read once, and the
// file's earlier rows.
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/project.h"
#include "store/db.h"

namespace kc::app {

class ProjectLookups {
 public:
  ProjectLookups(store::Connection& db, bool memoize) : db_(db), memoize_(memoize) {}

  Result<std::optional<Program>> program(std::int64_t id);
  // The 2025 province of an organization (`table` "organizations") or facility ("facilities");
  // nullopt when there is no such record.
  Result<std::optional<std::string>> place_province(const char* table, std::int64_t id);
  // Whether a project other than `except_id` has the code.
  Result<bool> code_taken(const std::string& code, std::int64_t except_id);
  // Memoized mode: a code an earlier row of the file takes.
  void take_code(const std::string& code);
  // The facility's own facts that make a priority flag (women_owned, workers_50_plus,
  // ethnic_minorities); empty when there is no such facility.
  Result<std::vector<std::string>> facility_flags(std::int64_t id);
  // The dated setting `key` in force on `iso_date` ("" when none).
  Result<std::string> setting(const std::string& key, const std::string& iso_date);

 private:
  store::Connection& db_;
  bool memoize_;
  std::unordered_map<std::int64_t, std::optional<Program>> programs_;
  std::unordered_map<std::int64_t, std::optional<std::string>> organizations_, facilities_;
  std::optional<std::unordered_set<std::string>> codes_;
  std::unordered_map<std::int64_t, std::vector<std::string>> facility_flags_;
  std::unordered_map<std::string, std::string> settings_;
};

}  // namespace kc::app
