#pragma once
// Files stored content-addressed beside the database: attachments' bytes, named by their
// SHA-256 (dir/ab/abcdef…), written once whatever the number of records that name them. The
// folder of a SQLite database is its path with ".files" appended; a PostgreSQL deployment's
// is $KC_FILES (shared by every server process), else ./khuyencong-files.
#include <string>
#include <string_view>

#include "domain/error.h"

namespace kc::store {

std::string files_dir(const std::string& db_location);

// Stores the bytes (when not stored yet) and returns their SHA-256 in hex.
Result<std::string> put_file(const std::string& dir, std::string_view bytes);
// Where the file with this SHA-256 is (not_found when it is not there).
Result<std::string> file_path(const std::string& dir, const std::string& sha256);
// Copies every stored file of `from` into `to` (backups, restores, migrations); a missing
// `from` folder copies nothing.
Status copy_files(const std::string& from, const std::string& to);

}  // namespace kc::store
