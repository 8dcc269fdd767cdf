#include "io/xls_isolated.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <cstring>

extern char** environ;

namespace kc::io {
namespace {

std::string& helper_program() {
  static std::string program;
  return program;
}

// Tokens "<length>:<bytes>": any byte may appear in a cell.
void put(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

struct Reader {
  std::string_view in;
  bool ok = true;
  std::string next() {
    auto colon = in.find(':');
    std::size_t n = 0;
    if (colon == std::string_view::npos ||
        std::from_chars(in.data(), in.data() + colon, n).ec != std::errc{} ||
        n > in.size() - colon - 1) {
      ok = false;
      in = {};
      return {};
    }
    std::string s(in.substr(colon + 1, n));
    in.remove_prefix(colon + 1 + n);
    return s;
  }
  std::size_t number() {
    std::string s = next();
    std::size_t n = 0;
    if (!ok || std::from_chars(s.data(), s.data() + s.size(), n).ec != std::errc{}) ok = false;
    return n;
  }
};

Error damaged(const std::string& path, const std::string& why) {
  return Error::invalid(path + ": " + why, {{"file", FieldCode::file_problem, {{"message", why}}}});
}

Result<Table> decode(const std::string& path, std::string_view text) {
  Reader r{text};
  std::string tag = r.next();
  if (tag == "error") {
    std::string message = r.next();
    std::vector<FieldError> fields;
    for (std::size_t i = 0, n = r.number(); r.ok && i < n; ++i) {
      std::string field = r.next();
      fields.push_back({field, FieldCode::file_problem, {{"message", r.next()}}});
    }
    if (r.ok) return std::unexpected(Error::invalid(message, std::move(fields)));
  } else if (tag == "table") {
    Table t;
    for (std::size_t i = 0, n = r.number(); r.ok && i < n; ++i) t.header.push_back(r.next());
    for (std::size_t i = 0, rows = r.number(); r.ok && i < rows; ++i) {
      t.row_numbers.push_back(r.number());
      std::vector<std::string> row;
      for (std::size_t j = 0, n = r.number(); r.ok && j < n; ++j) row.push_back(r.next());
      t.rows.push_back(std::move(row));
    }
    if (r.ok) return t;
  }
  return std::unexpected(damaged(path, "the workbook is damaged: the .xls reader stopped on it"));
}

}  // namespace

void set_xls_helper(std::string program) {
  helper_program() = std::move(program);
}
const std::string& xls_helper() {
  return helper_program();
}

std::string encode_xls_result(const Result<Table>& r) {
  std::string out;
  if (!r) {
    put(out, "error");
    put(out, r.error().message);
    put(out, std::to_string(r.error().fields.size()));
    for (const auto& f : r.error().fields) {
      put(out, f.field);
      put(out, f.message);
    }
    return out;
  }
  put(out, "table");
  put(out, std::to_string(r->header.size()));
  for (const auto& h : r->header) put(out, h);
  put(out, std::to_string(r->rows.size()));
  for (std::size_t i = 0; i < r->rows.size(); ++i) {
    put(out, std::to_string(r->row_numbers[i]));
    put(out, std::to_string(r->rows[i].size()));
    for (const auto& cell : r->rows[i]) put(out, cell);
  }
  return out;
}

Result<Table> read_xls_isolated(const std::string& helper, const std::string& path,
                                const std::string& sheet, std::chrono::seconds limit) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0)
    return std::unexpected(Error::internal("cannot start the .xls reader: no pipe"));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  // What a crashing reader prints is of no use to the caller's users or logs.
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::string command = "xls-dump";
  std::vector<char*> argv{const_cast<char*>(helper.c_str()), command.data(),
                          const_cast<char*>(path.c_str()), const_cast<char*>(sheet.c_str()),
                          nullptr};
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, helper.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (spawned != 0) {
    close(fds[0]);
    return std::unexpected(
        Error::internal("cannot start the .xls reader: " + std::string(std::strerror(spawned))));
  }
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + limit;
  bool late = false;
  char buf[1 << 16];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      late = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (late) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (late) return std::unexpected(damaged(path, "the workbook took too long to read"));
  if (!WIFEXITED(status))
    return std::unexpected(damaged(path, "the workbook is damaged: the .xls reader stopped on it"));
  return decode(path, out);
}

}  // namespace kc::io
