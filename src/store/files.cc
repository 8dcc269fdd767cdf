#include "store/files.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "crypto/crypto.h"
#include "store/db.h"

namespace kc::store {
namespace fs = std::filesystem;

namespace {

bool is_hex_name(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

std::string files_dir(const std::string& db_location) {
  if (is_postgres(db_location)) {
    const char* env = std::getenv("KC_FILES");
    return env && *env ? env : "khuyencong-files";
  }
  return sqlite_path(db_location) + ".files";
}

Result<std::string> put_file(const std::string& dir, std::string_view bytes) {
  std::string sha = crypto::sha256_hex(bytes);
  fs::path target = fs::path(dir) / sha.substr(0, 2) / sha;
  std::error_code ec;
  if (fs::exists(target, ec)) return sha;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return std::unexpected(Error::internal("cannot create " + target.parent_path().string()));
  // Written beside, then renamed: a reader never sees half a file.
  fs::path temp = target;
  temp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return std::unexpected(Error::internal("cannot write " + temp.string()));
  }
  fs::rename(temp, target, ec);
  if (ec) return std::unexpected(Error::internal("cannot store " + target.string()));
  return sha;
}

Result<std::string> file_path(const std::string& dir, const std::string& sha256) {
  if (!is_hex_name(sha256)) return std::unexpected(Error::not_found("no such file"));
  fs::path p = fs::path(dir) / sha256.substr(0, 2) / sha256;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return std::unexpected(Error::not_found("no such file"));
  return p.string();
}

Status copy_files(const std::string& from, const std::string& to) {
  std::error_code ec;
  if (!fs::is_directory(from, ec)) return {};
  for (const auto& e : fs::recursive_directory_iterator(from, ec)) {
    if (!e.is_regular_file() || !is_hex_name(e.path().filename().string())) continue;
    fs::path target = fs::path(to) / fs::relative(e.path(), from);
    fs::create_directories(target.parent_path(), ec);
    if (!fs::exists(target)) fs::copy_file(e.path(), target, ec);
    if (ec) return std::unexpected(Error::internal("cannot copy " + e.path().string()));
  }
  if (ec) return std::unexpected(Error::internal("cannot read " + from));
  return {};
}

}  // namespace kc::store
