#pragma once
// The reports' facts kept in memory by a server process (store/report_facts.h), so that a
// dashboard's figures are a scan of milliseconds instead of seconds of SQL at national scale.
//
// Kept consistent with the database by its version (store::data_version, raised by every write
// in any process): a reader whose database is newer than the facts gets fresh ones. When the
// last load was quick (under `sync_ms`: a province's or the demo's data), the reader loads them
// itself and sees every write at once; when it was slow (national scale), the reader gets the
// facts it has while newer ones load in the background, and the report says how fresh they
// are (data_as_of) — the reports are exempt from "a write is seen by the next read"; a new load
// starts no sooner than the last one took after it ended, so that a steady stream of writes keeps
// at most half of a pool thread loading. Before the
// first load is done, readers get nullptr and the reports read the database with SQL.
//
// Thread safety: shared by every pool thread; locked. A snapshot, once handed out, is
// immutable and lives as long as a reader holds it.
#include <chrono>
#include <memory>
#include <mutex>

#include "app/jobs.h"
#include "store/db.h"
#include "store/report_facts.h"

namespace kc::app {

class ReportCache {
 public:
  // `background` runs a load on the server's pool, with a connection to the database the
  // reports read (the replica when there is one).
  explicit ReportCache(Background background,
                       std::chrono::milliseconds sync_ms = std::chrono::milliseconds(250));

  // The facts for what `db` reads now (or the latest loaded while newer ones load); nullptr
  // before the first load.
  std::shared_ptr<const store::ReportFacts> facts(store::Connection& db);

  // Starts a load in the background unless one runs (at start-up, to have facts ready).
  void warm();

  // Runs work on the pool with a connection to the database the reports read: for other
  // report-like background work (the open-data job).
  const Background& runner() const { return background_; }

 private:
  // Loads the facts from db and keeps them unless newer ones arrived meanwhile.
  std::shared_ptr<const store::ReportFacts> load(store::Connection& db);
  void in_background();  // with mu_ held: starts a background load unless one runs

  Background background_;
  std::chrono::milliseconds sync_ms_;
  mutable std::mutex mu_;
  std::shared_ptr<const store::ReportFacts> facts_;
  bool loading_ = false;  // a background load runs
  double last_load_ms_ = 0;
  std::chrono::steady_clock::time_point last_end_;  // when the last load ended
};

}  // namespace kc::app
