// A council's ranking as a file (CSV or XLSX) in the ministry's style: Vietnamese headers, the
// rank, the scoring progress, the mean score, the result and the council's conclusion.
#include "app/exports.h"
#include "app/scoring.h"
#include "io/table_writer.h"

namespace kc::app {

Result<ExportResult> export_ranking(store::Connection& db, const Actor& a, std::int64_t council_id,
                                    const std::string& format, const std::string& path) {
  if (format != "csv" && format != "xlsx")
    return std::unexpected(Error::invalid(
        "unknown format", {{"format", FieldCode::one_of, {{"allowed", "csv, xlsx"}}}}));
  auto r = council_ranking(db, a, council_id);
  if (!r) return std::unexpected(r.error());
  const std::vector<std::string> header{
      "Hạng",    "Mã đề án",        "Tên đề án",      "Tỉnh (mã 2025)", "Kinh phí đề nghị (đồng)",
      "Đã chấm", "Thành viên chấm", "Điểm bình quân", "Chênh lệch",     "Kết quả",
      "Kết luận"};
  auto writer = io::open_table_writer(path, format, "Xếp hạng", header, {0, 4, 5, 6, 7, 8});
  if (!writer) return std::unexpected(writer.error());
  ExportResult out;
  auto text = [](const nlohmann::json& v) {
    if (v.is_null()) return std::string();
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_float()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
      return std::string(buf);
    }
    return v.dump();
  };
  auto conclusion = [](const nlohmann::json& v) -> std::string {
    if (v.is_null()) return "";
    auto c = v.get<std::string>();
    return c == "pass" ? "Đạt" : c == "pass_with_changes" ? "Đạt, cần chỉnh sửa" : "Không đạt";
  };
  for (const auto& i : (*r)["items"]) {
    std::vector<std::string> row{text(i["rank"]),
                                 text(i["code"]),
                                 text(i["title"]),
                                 text(i["province"]),
                                 text(i["requested_vnd"]),
                                 text(i["counted"]),
                                 text(i["expected"]),
                                 text(i["score"]),
                                 text(i["spread"]),
                                 !i["scored"].get<bool>()  ? "Chưa chấm"
                                 : i["passed"].get<bool>() ? "Đạt"
                                                           : "Không đạt",
                                 conclusion(i["conclusion"])};
    if (auto s = (*writer)->add_row(row); !s) return std::unexpected(s.error());
    ++out.rows;
  }
  if (auto s = (*writer)->close(); !s) return std::unexpected(s.error());
  out.file_name = "xep-hang-hoi-dong-" + std::to_string(council_id) + "." + format;
  out.content_type = format == "csv"
                         ? "text/csv; charset=utf-8"
                         : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return out;
}

}  // namespace kc::app
