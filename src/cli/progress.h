#pragma once
// A progress bar for long work on a terminal: "[#####.....] 52% 1.234/2.345 label".
// Draws only when stderr is a terminal and at most ten times a second; silent otherwise.
#include <chrono>
#include <cstddef>
#include <string>

namespace kc::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::string label_;
  bool tty_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace kc::cli
