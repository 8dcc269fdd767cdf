#pragma once
// Where a store test keeps its data: a fresh SQLite file at `path`, or — when KC_PG_URL is
// set (scripts/with-postgres) — a fresh PostgreSQL database, so that the same tests run
// against both implementations.
#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/db.h"

namespace kc {

// A fresh, empty folder for the running test (named after it), for its files.
inline std::filesystem::path fresh_test_dir(const std::string& prefix, const std::string& test) {
  auto dir = std::filesystem::temp_directory_path() /
             (prefix + "-" + std::to_string(::getpid()) + "-" + test);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string test_database(const std::filesystem::path& path) {
  const char* pg = std::getenv("KC_PG_URL");
  if (!pg || !*pg) return path.string();
  static std::atomic<int> counter{0};
  std::string name = "kc_unit_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  auto admin = store::open(pg);
  if (!admin || !(*admin)->exec_script("CREATE DATABASE " + name)) return "postgresql://invalid";
  std::string url = pg;
  return url.substr(0, url.rfind('/') + 1) + name;
}

}  // namespace kc
