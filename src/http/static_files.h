#pragma once
// Static files of the built UI. Only files under the web root are served: a path with a
// ".." segment, a backslash, a NUL or an encoded variant of these is refused (404), and the
// resolved real path must stay inside the root. Unknown paths without an extension get
// index.html, so that the single-page app's own routes work on reload. The web build writes
// a brotli (".br") and a gzip (".gz") twin of each text asset: the client gets the smallest
// it accepts (brotli takes a sixth off gzip's size on the scripts), else the file itself.
#include <string>

#include "http/message.h"

namespace kc::http {

// The content codings a client accepts.
struct Accepts {
  bool gzip = false;
  bool brotli = false;
};

Response serve_static(const std::string& web_root, const std::string& decoded_path,
                      Accepts accepts = {});

}  // namespace kc::http
