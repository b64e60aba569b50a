// SPDX-License-Identifier: Apache-2.0
// What a long compile is doing, on stderr: on a terminal one line rewritten
// in place (stage, kernels done / total, elapsed seconds); elsewhere, when
// asked for, one line per stage and per tenth of the kernels.
#ifndef WEBNNC_TOOLS_WEBNNC_PROGRESS_H_
#define WEBNNC_TOOLS_WEBNNC_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <string_view>

namespace webnnc::tool {

using ProgressFn =
    std::function<void(std::string_view stage, int64_t done, int64_t total)>;

// A reporter writing to stderr: rewriting one line if |terminal|, else
// printing lines. The empty stage means the compile ended (the line is
// cleared, or the total time printed).
ProgressFn makeProgressReporter(bool terminal);

} // namespace webnnc::tool

#endif // WEBNNC_TOOLS_WEBNNC_PROGRESS_H_
