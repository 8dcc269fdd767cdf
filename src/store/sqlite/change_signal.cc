#include "store/sqlite/change_signal.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>

namespace kc::store {
namespace {

constexpr std::size_t kSize = 8;  // one 64-bit counter

std::atomic_ref<std::uint64_t> counter(void* map) {
  return std::atomic_ref<std::uint64_t>(*static_cast<std::uint64_t*>(map));
}

}  // namespace

std::shared_ptr<ChangeSignal> ChangeSignal::of_file(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) return nullptr;
  // Every process names the file the same way, whatever path it was given.
  std::error_code ec;
  const auto real = std::filesystem::weakly_canonical(path, ec);
  if (ec) return nullptr;
  const std::string name = real.string() + "-kcv";
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<ChangeSignal>> open;
  std::lock_guard lock(mutex);
  if (auto known = open[name].lock()) return known;
  const int fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return nullptr;
  // A new file is sized to the counter (zero); an existing one keeps its count.
  struct stat st {};
  void* map = MAP_FAILED;
  if (::fstat(fd, &st) == 0 &&
      (st.st_size >= static_cast<off_t>(kSize) || ::ftruncate(fd, static_cast<off_t>(kSize)) == 0))
    map = ::mmap(nullptr, kSize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return nullptr;
  std::shared_ptr<ChangeSignal> signal(new ChangeSignal(map));
  open[name] = signal;
  return signal;
}

ChangeSignal::~ChangeSignal() {
  ::munmap(map_, kSize);
}

std::uint64_t ChangeSignal::count() const {
  return counter(map_).load(std::memory_order_acquire);
}

void ChangeSignal::raise() {
  counter(map_).fetch_add(1, std::memory_order_acq_rel);
}

}  // namespace kc::store
