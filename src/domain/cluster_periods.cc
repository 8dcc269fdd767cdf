#include "domain/cluster_periods.h"

namespace kc {
namespace {

std::optional<Date> day_of(int year, const std::string& mmdd) {
  if (mmdd.size() != 5 || mmdd[2] != '-') return std::nullopt;
  return parse_date(std::to_string(year) + "-" + mmdd);
}

}  // namespace

std::optional<ClusterPeriodKind> parse_period_kind(std::string_view text) {
  if (text == "half") return ClusterPeriodKind::half;
  if (text == "year") return ClusterPeriodKind::year;
  return std::nullopt;
}

std::string_view to_string(ClusterPeriodKind k) {
  return k == ClusterPeriodKind::half ? "half" : "year";
}

std::optional<ClusterPeriod> cluster_period(int year, ClusterPeriodKind kind,
                                            const ClusterReportDays& days) {
  const bool half = kind == ClusterPeriodKind::half;
  auto from = day_of(year - 1, days.window_start);
  auto to = day_of(year, half ? days.half_end : days.year_end);
  auto due = day_of(year, half ? days.half_due : days.year_due);
  if (!from || !to || !due || *to < *from || *due < *to) return std::nullopt;
  return ClusterPeriod{year, kind, *from, *to, *due};
}

}  // namespace kc
