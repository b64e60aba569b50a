// SPDX-License-Identifier: Apache-2.0
// Runs WPT conformance files through the full AOT pipeline. Plain C++
// interface, so main.cpp (built with exceptions for CLI11) includes no
// LLVM headers.
#ifndef WEBNNC_TOOLS_CONFORMANCE_RUNNER_H_
#define WEBNNC_TOOLS_CONFORMANCE_RUNNER_H_

#include <string>
#include <vector>

namespace webnnc::wpt {

struct RunOptions {
  std::vector<std::string> paths; // .json files or directories of them
  std::string filter;             // run only cases whose name contains it
  std::string dumpOutputs;        // write every case's outputs here
  std::string knownFailures;      // "case name | reason" lines
  std::string markdown;           // write the results table here
  std::string target = "host";
  int jobs = 0; // cases compiled at once; 0: the cores
  // Generated kernels kept here and reused by later cases and runs (cases
  // share most kernels); empty: none.
  std::string cacheDir;
  bool verbose = false;
  // Compile every case deterministic (CompileOptions::deterministic) for
  // x86-64-v3, x86-64-v4 and host and compute each at 1, 2 and 3 threads,
  // twice: a case passes only if every output is bit-identical across all
  // of them (and the first is within the tolerance). --target is then not
  // used.
  bool checkDeterminism = false;
  // A missing path is a skip (exit 77, CTest's SKIP_RETURN_CODE), not an
  // error: the WPT vectors live outside the repository.
  bool skipMissing = false;
};

// Prints the per-op table, the failures and a final "N passed, N failed".
// Returns the process exit code: 0 when every case passed, or when
// |knownFailures| is given and the failures are exactly those listed.
int run(const RunOptions &options);

} // namespace webnnc::wpt

#endif // WEBNNC_TOOLS_CONFORMANCE_RUNNER_H_
