#pragma once
// The "report" layout of a project export, in the ministry's style: Vietnamese headers, a
// running number (STT), names beside codes and ids (program, content, provinces, implementing
// unit), statuses and dates in Vietnamese, and a totals row. It is for reading and printing;
// the "data" layout (the import columns, app/columns.h) is the one that imports again.
#include <map>
#include <string>
#include <vector>

#include "domain/project.h"
#include "store/db.h"

namespace kc::app {

class ReportLayout {
 public:
  explicit ReportLayout(store::Connection& db) : db_(db) {}
  static const std::vector<std::string>& header();
  // Indexes of the columns written as numbers.
  static std::vector<std::size_t> number_columns();
  // The row of the n-th project (1-based), with the names it needs looked up once each.
  Result<std::vector<std::string>> row(std::size_t n, const Project& p);
  // "Tổng cộng" with the sums of the money columns of the rows written so far.
  std::vector<std::string> totals() const;

 private:
  Result<std::string> name_of(std::map<std::int64_t, std::string>& memo, std::int64_t id,
                              bool program);
  store::Connection& db_;
  std::map<std::int64_t, std::string> programs_, organizations_;
  Vnd requested_ = 0, counterpart_ = 0, total_ = 0;
};

// The Vietnamese name of a project status ("draft" -> "Nháp").
std::string status_name_vi(const std::string& status);

}  // namespace kc::app
