#include "io/table_writer.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>

#include "io/csv.h"

namespace kc::io {
namespace {

class CsvWriter final : public TableWriter {
 public:
  explicit CsvWriter(std::FILE* f) : f_(f) {}
  ~CsvWriter() override {
    if (f_) std::fclose(f_);
  }
  Status add_row(const std::vector<std::string>& cells) override {
    line_.clear();
    append_csv_record(line_, cells);
    if (std::fwrite(line_.data(), 1, line_.size(), f_) != line_.size())
      return std::unexpected(Error::internal("cannot write the CSV file"));
    return {};
  }
  Status close() override {
    int rc = std::fclose(f_);
    f_ = nullptr;
    if (rc != 0) return std::unexpected(Error::internal("cannot finish the CSV file"));
    return {};
  }

 private:
  std::FILE* f_;
  std::string line_;
};

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(lxw_workbook* wb, std::set<std::size_t> numbers, std::string path)
      : wb_(wb), numbers_(std::move(numbers)), path_(std::move(path)) {}
  ~XlsxWriter() override {
    if (wb_) workbook_close(wb_);
  }
  Status start(const std::string& sheet, const std::vector<std::string>& header) {
    ws_ = workbook_add_worksheet(wb_, sheet.c_str());
    lxw_format* bold = workbook_add_format(wb_);
    format_set_bold(bold);
    money_ = workbook_add_format(wb_);
    format_set_num_format(money_, "#,##0");
    decimal_ = workbook_add_format(wb_);
    format_set_num_format(decimal_, "#,##0.0##");
    if (!ws_) return std::unexpected(Error::internal("cannot add a worksheet"));
    for (std::size_t c = 0; c < header.size(); ++c)
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
    worksheet_freeze_panes(ws_, 1, 0);
    return add_row_with(header, bold);
  }
  Status add_row(const std::vector<std::string>& cells) override {
    return add_row_with(cells, nullptr);
  }
  Status close() override {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR)
      return std::unexpected(Error::internal("cannot write " + path_ + ": " + lxw_strerror(err)));
    return {};
  }

 private:
  Status add_row_with(const std::vector<std::string>& cells, lxw_format* header) {
    auto row = static_cast<lxw_row_t>(row_++);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      const std::string& v = cells[c];
      lxw_error e;
      if (!header && numbers_.contains(c) && !v.empty() && v.find('.') != std::string::npos)
        e = worksheet_write_number(ws_, row, col, std::strtod(v.c_str(), nullptr), decimal_);
      else if (!header && numbers_.contains(c) && !v.empty())
        e = worksheet_write_number(
            ws_, row, col, static_cast<double>(std::strtoll(v.c_str(), nullptr, 10)), money_);
      else  // a string cell (never a formula), without bidirectional controls
        e = worksheet_write_string(ws_, row, col, without_bidi_controls(v).c_str(), header);
      if (e != LXW_NO_ERROR)
        return std::unexpected(Error::internal(std::string("xlsx: ") + lxw_strerror(e)));
    }
    return {};
  }
  lxw_workbook* wb_;
  lxw_worksheet* ws_ = nullptr;
  lxw_format* money_ = nullptr;
  lxw_format* decimal_ = nullptr;  // a number with a fraction ("1.5" triệu đồng)
  std::set<std::size_t> numbers_;
  std::string path_;
  std::size_t row_ = 0;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> open_table_writer(const std::string& path,
                                                       const std::string& format,
                                                       const std::string& sheet_name,
                                                       const std::vector<std::string>& header,
                                                       std::set<std::size_t> number_columns) {
  if (format == "csv") {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return std::unexpected(Error::internal("cannot create " + path));
    auto w = std::make_unique<CsvWriter>(f);
    if (std::fputs("\xEF\xBB\xBF", f) < 0)  // BOM: spreadsheet programs then read UTF-8
      return std::unexpected(Error::internal("cannot write " + path));
    if (auto s = w->add_row(header); !s) return std::unexpected(s.error());
    return std::unique_ptr<TableWriter>(std::move(w));
  }
  if (format == "xlsx") {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) return std::unexpected(Error::internal("cannot create " + path));
    auto w = std::make_unique<XlsxWriter>(wb, std::move(number_columns), path);
    if (auto s = w->start(sheet_name, header); !s) return std::unexpected(s.error());
    return std::unique_ptr<TableWriter>(std::move(w));
  }
  return std::unexpected(Error::invalid(
      "unknown export format", {{"format", FieldCode::one_of, {{"allowed", "csv, xlsx"}}}}));
}

}  // namespace kc::io
