// The limit for a report's aggregation: a plain C++ scan over the facts held in memory as
// arrays (year, province, content, amount), grouping the plan by year × province × content.
// Reads the facts as CSV (year,province,content,amount) from standard input; prints the
// milliseconds of the best of five scans and the groups found.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main() {
  std::vector<std::int16_t> year;
  std::vector<std::uint8_t> province, content;
  std::vector<std::int64_t> amount;
  std::map<std::string, std::uint8_t> provinces, contents;
  std::string line;
  while (std::getline(std::cin, line)) {
    auto a = line.find(','), b = line.find(',', a + 1), c = line.find(',', b + 1);
    if (c == std::string::npos) continue;
    year.push_back(static_cast<std::int16_t>(std::stoi(line.substr(0, a))));
    province.push_back(provinces.try_emplace(line.substr(a + 1, b - a - 1), provinces.size()).first->second);
    content.push_back(contents.try_emplace(line.substr(b + 1, c - b - 1), contents.size()).first->second);
    amount.push_back(std::stoll(line.substr(c + 1)));
  }
  double best = 1e9;
  std::size_t groups = 0;
  for (int run = 0; run < 5; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::int64_t> sum(64 * 256 * 64, 0);
    std::vector<std::int32_t> count(sum.size(), 0);
    for (std::size_t i = 0; i < year.size(); ++i) {
      std::size_t k = (static_cast<std::size_t>(year[i] - 2000) * 256 + province[i]) * 64 + content[i];
      sum[k] += amount[i];
      ++count[k];
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    groups = 0;
    for (auto n : count) groups += n > 0;
    best = std::min(best, ms);
  }
  std::printf("%.3f %zu\n", best, groups);
}
