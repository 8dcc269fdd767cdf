#include "io/problems.h"

namespace kc::io {

namespace {

std::string place(std::size_t row, std::string_view column) {
  std::string where = "row " + std::to_string(row);
  if (!column.empty()) where += ", column " + shorten(column);
  return where;
}

}  // namespace

void ProblemList::add(std::size_t row, std::string_view column, std::string message) {
  add(row, column, FieldCode::file_problem, {{"message", std::move(message)}});
}

void ProblemList::add(std::size_t row, std::string_view column, FieldCode code,
                      FieldParams params) {
  ++count_;
  if (shown_.size() >= kMaxShown) return;
  shown_.push_back({place(row, column), code, std::move(params)});
}

Error ProblemList::error(const std::string& summary) const {
  auto fields = shown_;
  if (count_ > shown_.size())
    fields.push_back(
        {"(more)", FieldCode::more_problems, {{"count", std::to_string(count_ - shown_.size())}}});
  return Error::invalid(summary, std::move(fields));
}

std::string shorten(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace kc::io
