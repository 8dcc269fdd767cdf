#pragma once
// The demo's bulletin, through the same use cases as the API: articles on the 2018 year whose
// figures are read from the records (the annual report, the fairs, the typical products), each
// with a picture; the 2019 round's call; one article scheduled for later and one draft, which
// the public does not see; and three provinces' petitions, one answered and published (the
// demo's accounts must exist). `files`: where the photos' bytes go (store::files_dir).
#include <string>

#include "store/db.h"

namespace kc::app {

Status demo_bulletin(store::Connection& db, const std::string& files);

}  // namespace kc::app
