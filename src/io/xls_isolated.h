#pragma once
// Legacy .xls workbooks read in a child process. libfreexl 1.0.6 (Debian 12) crashes (SIGSEGV)
// on some malformed workbooks — found by fuzz/xls.cc — so a hostile upload must not run it
// inside the server: the binary starts itself as `khuyencong xls-dump FILE [SHEET]`, which
// reads the workbook with io/xls_reader.h and writes the table (or the error) to its standard
// output in a length-prefixed form; a child that dies, or runs past the time limit, is an
// invalid file, and the caller's process goes on.
#include <chrono>
#include <string>

#include "io/table.h"

namespace kc::io {

// The program to start as the reader (the running binary, set once by main); unset (unit
// tests, fuzz targets), read_table_file reads .xls files in-process.
void set_xls_helper(std::string program);
const std::string& xls_helper();

// Reads the workbook in a child process running `helper xls-dump path sheet`.
Result<Table> read_xls_isolated(const std::string& helper, const std::string& path,
                                const std::string& sheet,
                                std::chrono::seconds limit = std::chrono::seconds(60));

// The child's side: the table or the error, as read_xls_isolated expects it on stdout.
std::string encode_xls_result(const Result<Table>& r);

}  // namespace kc::io
