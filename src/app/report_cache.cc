#include "app/report_cache.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace kc::app {

using Clock = std::chrono::steady_clock;

ReportCache::ReportCache(Background background, std::chrono::milliseconds sync_ms)
    : background_(std::move(background)), sync_ms_(sync_ms) {}

std::shared_ptr<const store::ReportFacts> ReportCache::load(store::Connection& db) {
  auto start = Clock::now();
  auto loaded = store::load_report_facts(db);
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  std::lock_guard lock(mu_);
  if (!loaded) {
    spdlog::warn("the reports' facts did not load: {}", loaded.error().message);
    return nullptr;
  }
  last_load_ms_ = ms, last_end_ = Clock::now();
  auto fresh = std::make_shared<const store::ReportFacts>(std::move(*loaded));
  spdlog::info("{}", nlohmann::json{{"event", "report_facts_loaded"},
                                    {"version", fresh->version},
                                    {"projects", fresh->projects.size()},
                                    {"bytes", fresh->bytes()},
                                    {"ms", static_cast<std::int64_t>(ms)}}
                         .dump());
  if (!facts_ || facts_->version <= fresh->version) facts_ = fresh;
  return fresh;
}

void ReportCache::in_background() {
  // mu_ held by the caller. Between two loads, at least the time of the last one: under a
  // steady stream of writes, loading takes at most half of a pool thread.
  if (loading_ ||
      Clock::now() - last_end_ < std::chrono::duration<double, std::milli>(last_load_ms_))
    return;
  loading_ = true;
  background_([this](store::Connection& db) {
    load(db);
    std::lock_guard lock(mu_);
    loading_ = false;
  });
}

void ReportCache::warm() {
  std::lock_guard lock(mu_);
  in_background();
}

std::shared_ptr<const store::ReportFacts> ReportCache::facts(store::Connection& db) {
  auto version = store::data_version(db);
  if (!version) return nullptr;  // the reports then read the database, and say why it fails
  {
    std::lock_guard lock(mu_);
    if (facts_ && facts_->version == version->all) return facts_;
    bool quick = facts_ && last_load_ms_ < static_cast<double>(sync_ms_.count());
    if (!quick) {
      in_background();
      return facts_;
    }
  }
  return load(db);  // quick: loaded here, so that the reader sees its own writes
}

}  // namespace kc::app
