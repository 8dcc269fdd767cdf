#include "http/static_files.h"

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/problem.h"

namespace kc::http {
namespace {

std::string content_type_for(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".geojson", "application/geo+json"}};
  for (auto [ext, type] : kTypes)
    if (path.ends_with(ext)) return type;
  return "application/octet-stream";
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

Response not_found(const std::string& path) {
  return problem(Error::not_found("no such file"), path);
}

}  // namespace

Response serve_static(const std::string& web_root, const std::string& path, Accepts accepts) {
  if (web_root.empty() || path.empty() || path[0] != '/') return not_found(path);
  if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos || path.find("//") != std::string::npos)
    return not_found(path);
  char root_buf[PATH_MAX];
  if (!realpath(web_root.c_str(), root_buf)) return not_found(path);
  std::string root = root_buf;
  std::string rel = path == "/" ? "/index.html" : path;
  bool has_ext = rel.rfind('.') != std::string::npos && rel.rfind('.') > rel.rfind('/');
  // Built assets are files or nothing: never the app's index page.
  bool asset = rel == "/assets" || rel.starts_with("/assets/");
  char file_buf[PATH_MAX];
  std::string candidate = root + rel;
  if (!realpath(candidate.c_str(), file_buf)) {
    if (has_ext || asset) return not_found(path);
    candidate = root + "/index.html";  // a client-side route
    if (!realpath(candidate.c_str(), file_buf)) return not_found(path);
  }
  std::string resolved = file_buf;
  if (!resolved.starts_with(root + "/") || std::filesystem::is_directory(resolved))
    return not_found(path);
  Response r;
  r.content_type = content_type_for(resolved);
  const char* coding = accepts.brotli && read_file(resolved + ".br", r.body) ? "br"
                       : accepts.gzip && read_file(resolved + ".gz", r.body) ? "gzip"
                                                                             : nullptr;
  if (coding) {
    r.headers.emplace_back("Content-Encoding", coding);
    r.headers.emplace_back("Vary", "Accept-Encoding");
  } else if (!read_file(resolved, r.body)) {
    return not_found(path);
  }
  if (rel.starts_with("/assets/"))
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  else
    r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

}  // namespace kc::http
