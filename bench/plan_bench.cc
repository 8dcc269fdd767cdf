// The plan builder's benchmark instance: N proposals over 63 provinces (each capped), 9
// contents and 6 regions (each with a floor), 200 bundles and a weight per region, generated
// deterministically. Solves it with the plan builder (no explanations) and prints one JSON
// line: time, status, gap, value, baseline (a)'s value, peak memory. With --lp FILE it also
// writes the model, for the `cbc` and `glpsol` commands to solve side by side
// (bench/run-plan).
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "bench/plan_instance.h"
#include "planning/planner.h"

using namespace kc::planning;

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::string lp = argc > 3 && std::string(argv[2]) == "--lp" ? argv[3] : "";
  Problem p = generated_instance(n, 2019);
  if (!lp.empty()) {
    std::ofstream out(lp);
    write_model(p, out);
  }
  auto t0 = std::chrono::steady_clock::now();
  // CBC prints a few diagnostic lines on standard output on large models: keep them out of
  // the one JSON line this program prints.
  std::fflush(stdout);
  int saved = ::dup(1), null = ::open("/dev/null", O_WRONLY);
  ::dup2(null, 1);
  Answer a = plan(p, {false, 0});
  std::fflush(stdout);
  ::dup2(saved, 1);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  rusage use{};
  getrusage(RUSAGE_SELF, &use);
  // The core approach's own figures, from a second (untimed) solve of the same program.
  std::vector<std::string> codes;
  for (const auto& c : p.candidates) codes.push_back(c.code);
  CoreStats st;
  ::dup2(null, 1);
  solve_by_core(build_mip(formulate(p), codes), {600, p.scenario.gap}, cbc_solver(), 2000, &st);
  std::fflush(stdout);
  ::dup2(saved, 1);
  std::printf(
      "{\"n\": %d, \"status\": \"%s\", \"ms\": %.0f, \"gap\": %.6f, \"value\": %.4f, "
      "\"rank_by_score\": %.4f, \"funded\": %zu, \"peak_mb\": %ld, \"lp_rounds\": %zu, "
      "\"working_set\": %zu, \"core\": %zu, \"core_rounds\": %zu}\n",
      n, std::string(name_of(a.status)).c_str(), ms, a.gap, a.value, a.baselines[0].value,
      a.funded.size(), use.ru_maxrss / 1024, st.lp_rounds, st.working_set, st.core,
      st.core_rounds);
  return 0;
}
