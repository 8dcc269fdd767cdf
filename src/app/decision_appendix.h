#pragma once
// A decision's appendix as a spreadsheet (XLSX, or CSV) in the layout of the ministry's plan
// decisions (docs: ../shared/domain/documents.md §2–3, copied into docs/architecture.md):
// amounts in triệu đồng; the projects grouped by implementing unit, each group numbered in
// Roman numerals with its subtotal (the budget estimate per unit), and a "Tổng cộng" row. A
// plan decision lists each project's total, program and counterpart funds; an adjustment lists
// what each project had, the change and what it has after it, with the decision's reason.
#include <set>
#include <string>
#include <vector>

#include "app/exports.h"
#include "app/policy.h"
#include "domain/money.h"
#include "domain/project.h"
#include "store/db.h"
#include "store/decision_repo.h"

namespace kc::app {

// The appendix as rows of text (amounts in triệu đồng), with the decision, its program and the
// decisions before it (an adjustment refers to them).
struct Appendix {
  store::Decision decision;
  Program program;
  std::string province_name;  // a local programme's province ("Hải Phòng"); empty otherwise
  std::vector<store::Decision> earlier;
  std::vector<std::string> header;  // without units
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> group_rows;   // a unit's subtotal or the total
  std::set<std::size_t> numbers;  // columns in triệu đồng
  std::size_t projects = 0;
};
Result<Appendix> decision_appendix(store::Connection& db, const Actor& a, std::int64_t decision_id);

Result<ExportResult> export_decision_appendix(store::Connection& db, const Actor& a,
                                              std::int64_t decision_id, const std::string& format,
                                              const std::string& path);

// 1 -> "I", 14 -> "XIV".
std::string roman(int n);
// Đồng as triệu đồng for a spreadsheet cell: 873000000 -> "873", 1500000 -> "1.5".
std::string millions(Vnd amount);

}  // namespace kc::app
