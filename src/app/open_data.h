#pragma once
// The open-data export: the published plans and their results as one documented JSON file for
// the bulletin (docs/open-data.md, schema docs/open-data.schema.json) — every project a plan
// decision funded, with its program, content, kind, provinces, implementing organization, the
// plan's amount and the counterpart, its implementation contracts (value, what was paid, the
// acceptance) and its outputs planned and accepted. Fields are mapped to the Open Contracting
// Data Standard where they fit (each project one contracting process, `ocid`). Published
// records are public: no scope narrows them, and beneficiary facilities appear as a count
// only. Written as it is read, a batch at a time: memory stays flat whatever the size.
#include <string>

#include "app/exports.h"
#include "app/policy.h"
#include "store/db.h"

namespace kc::app {

// The prefix of every `ocid`: the project's code follows it.
inline constexpr const char* kOcidPrefix = "ocds-kc-";

// year 0: every year; program "": every program of the year(s).
Result<ExportResult> export_open_data(store::Connection& db, const Actor& a, int year,
                                      const std::string& program, const std::string& path,
                                      const Progress& progress = {});

}  // namespace kc::app
