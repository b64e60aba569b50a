// SPDX-License-Identifier: Apache-2.0
// `webnnc run --bench N` and `--bench-serve`: timing computes of a loaded
// model. Only webnnc_executor_compute is timed; the inputs, the outputs'
// buffers, the executor and the thread pool are made once, before.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "Commands.h"

namespace webnnc::tool {

namespace {

using Clock = std::chrono::steady_clock;

// Runs until the caches, the pool's workers and the CPU's clock have
// settled: at least 3 computes and 0.2 s.
std::string warmUp(LoadedModel::Session &session) {
  Clock::time_point start = Clock::now();
  for (int i = 0; i < 3 || Clock::now() - start < std::chrono::milliseconds(200);
       ++i) {
    std::string error = session.run();
    if (!error.empty())
      return error;
  }
  return "";
}

Expected<std::vector<double>, std::string>
timeComputes(LoadedModel::Session &session, int count) {
  std::vector<double> millis;
  millis.reserve(count);
  for (int i = 0; i < count; ++i) {
    Clock::time_point start = Clock::now();
    std::string error = session.run();
    Clock::time_point end = Clock::now();
    if (!error.empty())
      return error;
    millis.push_back(
        std::chrono::duration<double, std::milli>(end - start).count());
  }
  return millis;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

std::string benchmark(LoadedModel::Session &session, const RunCommand &command) {
  std::string error = warmUp(session);
  if (!error.empty())
    return error;
  if (command.bench > 0) {
    auto millis = timeComputes(session, command.bench);
    if (!millis)
      return millis.error();
    std::printf("computes: %d, threads: %d\nmedian_ms: %.6g\n", command.bench,
                command.threads, median(*millis));
  }
  if (command.benchServe) {
    std::printf("ready\n");
    std::fflush(stdout);
    std::string line;
    while (std::getline(std::cin, line)) {
      int count = std::atoi(line.c_str());
      if (count <= 0 || count > 1000000)
        return "--bench-serve: expected a count of computes per line, got '" +
               line + "'";
      auto millis = timeComputes(session, count);
      if (!millis)
        return millis.error();
      for (size_t i = 0; i < millis->size(); ++i)
        std::printf(i ? " %.6g" : "%.6g", (*millis)[i]);
      std::printf("\n");
      std::fflush(stdout);
    }
  }
  return "";
}

} // namespace webnnc::tool
