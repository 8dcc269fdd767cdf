#pragma once
#include <cstdint>

namespace kc::store {

// The data's versions (one row, read together). `all` is raised by every committed write
// transaction, in any process; `outside_facilities` by every one except those that change only
// the facilities' register (Transaction::Bump::facilities). An answer that reads no facility
// stays valid while `outside_facilities` does. In the database it is `n` less the count of
// the facilities-only writes (migrations/028_data_version_facility_writes.sql).
struct DataVersion {
  std::int64_t all = 0;
  std::int64_t outside_facilities = 0;
  bool operator==(const DataVersion&) const = default;
};

}  // namespace kc::store
