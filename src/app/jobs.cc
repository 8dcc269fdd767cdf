#include "app/jobs.h"

#include "app/open_data.h"

#include <cstdio>
#include <deque>
#include <mutex>

#include "app/exports.h"
#include "crypto/crypto.h"

namespace kc::app {
namespace {

class Board {
 public:
  static Board& instance() {
    static Board board;
    return board;
  }
  // At exit (the server has joined its pool: no job runs any more), the files of the jobs
  // still kept go too: no other process can ask for them.
  ~Board() {
    for (const auto& j : jobs_)
      if (!j.file.empty()) std::remove(j.file.c_str());
  }
  Job add(Job j) {
    std::lock_guard lock(mu_);
    jobs_.push_back(j);
    while (jobs_.size() > kKept) {
      if (!jobs_.front().file.empty()) std::remove(jobs_.front().file.c_str());
      jobs_.pop_front();
    }
    return j;
  }
  template <class F>
  void update(const std::string& id, F&& change) {
    std::lock_guard lock(mu_);
    for (auto& j : jobs_)
      if (j.id == id) change(j);
  }
  std::optional<Job> get(const std::string& id) {
    std::lock_guard lock(mu_);
    for (const auto& j : jobs_)
      if (j.id == id) return j;
    return std::nullopt;
  }

 private:
  static constexpr std::size_t kKept = 200;
  std::mutex mu_;
  std::deque<Job> jobs_;
};

}  // namespace

nlohmann::json job_json(const Job& j) {
  nlohmann::json out{{"id", j.id},      {"kind", j.kind},   {"status", j.status},
                     {"done", j.done},  {"total", j.total}, {"created_at", j.created_at},
                     {"error", j.error}};
  out["download"] = j.status == "done" ? nlohmann::json("/api/v1/jobs/" + j.id + "/file")
                                       : nlohmann::json(nullptr);
  return out;
}

Job start_file_job(const Actor& a, const std::string& kind, const std::string& format,
                   const Background& background, FileWork work) {
  Job job{crypto::random_token(16), a.user_id, kind, "queued", 0, 0, "", "", "", "",
          store::now_utc()};
  Board::instance().add(job);
  background([format, work = std::move(work), id = job.id](store::Connection& db) {
    Board::instance().update(id, [](Job& j) { j.status = "running"; });
    std::string path = temporary_export_path(format);
    auto done = work(db, path, [&](std::size_t d, std::size_t t) {
      Board::instance().update(id, [&](Job& j) { j.done = d, j.total = t; });
    });
    Board::instance().update(id, [&](Job& j) {
      if (done) {
        j.status = "done", j.file = path, j.file_name = done->file_name;
        j.content_type = done->content_type, j.done = j.total = done->rows;
      } else {
        std::remove(path.c_str());
        j.status = "failed";
        j.error = done.error().kind == ErrorKind::internal ? "an internal error occurred"
                                                           : done.error().message;
      }
    });
  });
  return job;
}

Result<Job> start_export_job(const Actor& a, ListQuery q, const std::string& format,
                             const Background& background, const std::string& layout) {
  if (!may(a, Permission::read_projects)) return std::unexpected(Error::forbidden());
  if (auto s = check_export_options(format, layout); !s) return std::unexpected(s.error());
  return start_file_job(
      a, "export_projects", format, background,
      [a, q, format, layout](store::Connection& db, const std::string& path, const Progress& p) {
        return export_projects(db, a, q, format, path, p, layout);
      });
}

Result<Job> start_open_data_job(const Actor& a, int year, const std::string& program,
                                const Background& background) {
  if (!may(a, Permission::public_read)) return std::unexpected(Error::forbidden());
  return start_file_job(
      a, "open_data", "json", background,
      [a, year, program](store::Connection& db, const std::string& path, const Progress& p) {
        return export_open_data(db, a, year, program, path, p);
      });
}

Result<Job> find_job(const Actor& a, const std::string& id) {
  auto j = Board::instance().get(id);
  if (!j || j->owner != a.user_id || a.role == Role::anonymous)
    return std::unexpected(Error::not_found("no such job"));
  return *j;
}

}  // namespace kc::app
