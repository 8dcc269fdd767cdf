#pragma once
// The reporting periods of industrial clusters (TT 14/2024/TT-BCT): infrastructure investors
// and tenants report twice a year, before 20 June (the half year, data from 15 December of the
// year before to 14 June) and before 20 December (the year, data from 15 December of the year
// before to 14 December); the provincial department compiles. The days are dated settings
// (ccn_report_window_start, ccn_report_half_end, ccn_report_half_due, ccn_report_year_end,
// ccn_report_year_due, as "mm-dd"); this file only does the calendar.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace kc {

enum class ClusterPeriodKind { half, year };

// The days of the rules, each "mm-dd".
struct ClusterReportDays {
  std::string window_start = "12-15";  // in the year before
  std::string half_end = "06-14", half_due = "06-20";
  std::string year_end = "12-14", year_due = "12-20";
};

struct ClusterPeriod {
  int year = 0;
  ClusterPeriodKind kind = ClusterPeriodKind::half;
  Date from, to, due;  // the data window, both ends included; the deadline
};

// "half" | "year"; nullopt otherwise.
std::optional<ClusterPeriodKind> parse_period_kind(std::string_view text);
std::string_view to_string(ClusterPeriodKind k);

// The period of `year`; nullopt when a day of `days` is not a real "mm-dd" of that year.
std::optional<ClusterPeriod> cluster_period(int year, ClusterPeriodKind kind,
                                            const ClusterReportDays& days);

}  // namespace kc
