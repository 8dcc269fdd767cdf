#pragma once
// Background jobs: long work that the UI follows with progress and fetches when done (exports and
// the open data now; plan solves later). A job belongs to the user who started it; nobody else sees
// it (404). Jobs live in the server process that runs them, with their result file on its disk; the
// board keeps the latest 200 and removes the files of older ones. (Behind several processes, nginx
// must send a job's requests to the same process — the UI asks for a job at the address that
// created it; see docs/operations.md.)
//
// Thread safety: the board is shared by every worker and pool thread; all of it is locked.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/exports.h"
#include "app/policy.h"
#include "domain/list_query.h"
#include "store/db.h"

namespace kc::app {

struct Job {
  std::string id;  // random, unguessable
  std::int64_t owner = 0;
  std::string kind;    // export_projects
  std::string status;  // queued, running, done, failed
  std::size_t done = 0, total = 0;
  std::string error;      // when failed
  std::string file;       // the result on disk, when done
  std::string file_name;  // what the download is called
  std::string content_type;
  std::string created_at;
};

nlohmann::json job_json(const Job& j);

// Runs work on the server's pool, with a connection of the pool thread.
using Background = std::function<void(std::function<void(store::Connection&)>)>;

// The work of a job that writes a file: to `path`, reporting (done, total) as it goes.
using FileWork = std::function<Result<ExportResult>(store::Connection&, const std::string& path,
                                                    const Progress&)>;
// Starts `work` as the user's job of `kind`, writing a file with the extension `format`.
Job start_file_job(const Actor& a, const std::string& kind, const std::string& format,
                   const Background& background, FileWork work);

// Starts an export of the projects the user may see that match q, in `format` (csv|xlsx).
Result<Job> start_export_job(const Actor& a, ListQuery q, const std::string& format,
                             const Background& background, const std::string& layout = "data");
// Starts the open-data export (app/open_data.h) of a year (0: all) and program ("": all).
Result<Job> start_open_data_job(const Actor& a, int year, const std::string& program,
                                const Background& background);

// The user's job (not_found for anyone else's or an unknown id).
Result<Job> find_job(const Actor& a, const std::string& id);

}  // namespace kc::app
