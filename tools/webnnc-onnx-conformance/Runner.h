// SPDX-License-Identifier: Apache-2.0
// Runs ONNX backend node tests (model.onnx + test_data_set_*/) through the
// importer and the full AOT pipeline. Plain C++ interface: main.cpp (built
// with exceptions for CLI11) includes no LLVM or protobuf headers.
#ifndef WEBNNC_TOOLS_ONNX_CONFORMANCE_RUNNER_H_
#define WEBNNC_TOOLS_ONNX_CONFORMANCE_RUNNER_H_

#include <string>
#include <vector>

namespace webnnc::onnxtest {

struct RunOptions {
  std::string root;          // directory of test directories
  std::string filter;        // run only tests whose name contains it
  std::string knownFailures; // "test name | reason" lines
  std::string unmappedOps;   // "OpType | why WebNN has no equivalent" lines
  std::string markdown;      // write the per-op table here
  double minPassRate = 0.9;  // of the tests whose ops the importer maps
  int jobs = 0;              // tests at once; 0: the cores
  std::string cacheDir;      // kernels reused across tests; empty: none
  bool verbose = false;
  bool skipMissing = false;  // a missing root exits 77 (CTest's skip)
};

// Prints the per-op table, the failures and unsupported tests with their
// reasons, and a final "N passed, N failed". Returns 0 when the failures
// are exactly the known ones and the pass rate is reached.
int run(const RunOptions &options);

} // namespace webnnc::onnxtest

#endif // WEBNNC_TOOLS_ONNX_CONFORMANCE_RUNNER_H_
