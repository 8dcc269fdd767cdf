#pragma once
// Static files of the built UI. Only files under the web root are served: a path with a
// ".." segment, a backslash, a NUL or an encoded variant of these is refused (404), and the
// resolved real path must stay inside the root. Unknown paths without an extension get
// index.html, so that the single-page app's own routes work on reload. When the client
// accepts gzip and the web build wrote a ".gz" twin of the file, the twin is sent.
#include <string>

#include "http/message.h"

namespace kc::http {

Response serve_static(const std::string& web_root, const std::string& decoded_path,
                      bool gzip = false);

}  // namespace kc::http
