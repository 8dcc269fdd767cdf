#pragma once
// The demo's production–consumption chains, through the same use case as the API: for the
// product lines with the most facilities in one province, the facilities the 2018 projects
// supported become its producers, two others its supplier and its buyer, and the projects
// that supported the producers are the chain's projects.
#include "store/db.h"

namespace kc::app {

Status demo_chains(store::Connection& db);

}  // namespace kc::app
