#pragma once
// The cell-level problems of a file, as "row N, column C: message". A file of junk must not
// print millions of lines: the first kMaxShown are kept and the rest only counted. Column
// names and values quoted in messages are shortened, so that a 50 MB header is not echoed.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace kc::io {

class ProblemList {
 public:
  static constexpr std::size_t kMaxShown = 100;

  // `row` is the spreadsheet row (header = 1); `column` may be empty (the whole row).
  void add(std::size_t row, std::string_view column, std::string message);
  // The same with a stable code and its parameters, so that the UI can say it in Vietnamese.
  void add(std::size_t row, std::string_view column, FieldCode code, FieldParams params = {});
  std::size_t count() const { return count_; }
  bool empty() const { return count_ == 0; }
  // invalid_input: "<summary>" with the kept problems as fields, and a last field saying how
  // many more there were.
  Error error(const std::string& summary) const;

 private:
  std::vector<FieldError> shown_;
  std::size_t count_ = 0;
};

// `s` cut to at most `max` bytes (at a UTF-8 boundary) with "…" when cut.
std::string shorten(std::string_view s, std::size_t max = 40);

}  // namespace kc::io
