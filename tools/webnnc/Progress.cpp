// SPDX-License-Identifier: Apache-2.0
#include "Progress.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

namespace webnnc::tool {

ProgressFn makeProgressReporter(bool terminal) {
  struct State {
    std::chrono::steady_clock::time_point start =
        std::chrono::steady_clock::now();
    std::string stage;
    int64_t lastTenth = -1;
  };
  auto state = std::make_shared<State>();
  return [state, terminal](std::string_view stage, int64_t done,
                           int64_t total) {
    double elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - state->start)
                         .count();
    if (stage.empty()) { // finished
      if (terminal)
        std::fprintf(stderr, "\r\033[K");
      else
        std::fprintf(stderr, "webnnc: done (%.1f s)\n", elapsed);
      std::fflush(stderr);
      return;
    }
    std::string counts =
        total > 0 ? " " + std::to_string(done) + "/" + std::to_string(total)
                  : "";
    if (terminal) {
      std::fprintf(stderr, "\r\033[Kwebnnc: %.*s%s (%.1f s)",
                   int(stage.size()), stage.data(), counts.c_str(), elapsed);
    } else {
      // A line per stage, and per tenth of the kernels done.
      int64_t tenth = total > 0 ? done * 10 / total : -1;
      if (stage == state->stage && tenth == state->lastTenth)
        return;
      state->lastTenth = tenth;
      std::fprintf(stderr, "webnnc: %.*s%s (%.1f s)\n", int(stage.size()),
                   stage.data(), counts.c_str(), elapsed);
    }
    state->stage = std::string(stage);
    std::fflush(stderr);
  };
}

} // namespace webnnc::tool
