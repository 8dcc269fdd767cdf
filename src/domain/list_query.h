#pragma once
// Filters, sorting and paging of a list, as the API, the CLI and the exports take them. Empty
// strings / nullopt mean "no filter". The scope fields are set by app/ from the acting
// user's scope (app/policy.h), never from the request.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kc {

struct ListQuery {
  std::optional<int> year;
  std::optional<std::int64_t> program_id;
  std::string program_code;  // the program named by its code (KCQG-2019) instead of its id
  std::string level;         // programs: KCQG | KCDP
  std::string content;       // content code
  std::string province;      // province code in `province_set`
  std::string province_set = "2025";
  std::string region;  // region code
  std::string area;    // area code (BAC, TRUNG, NAM)
  std::string status;
  std::string kind;
  std::string q;     // free text; matched diacritic- and case-insensitively
  std::string sort;  // column name; validated by the repository
  bool descending = false;
  int page = 1;
  int page_size = 20;

  // Set by app/ from the acting user's scope, never from the request.
  bool scope_none = false;          // the user sees nothing of this kind
  std::string scope_province;       // only records in this province (34-province code)
  std::int64_t scope_org = 0;       // only projects of this implementing unit
  std::int64_t scope_assignee = 0;  // only projects assigned to this appraiser
  std::optional<std::int64_t> id;   // only this record (scope checks of single reads)
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
  bool total_is_estimate = false;  // a large search's total, extrapolated
};

}  // namespace kc
