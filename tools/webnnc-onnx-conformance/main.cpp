// SPDX-License-Identifier: Apache-2.0
// webnnc-onnx-conformance: the ONNX backend node tests, compiled.
//
//   webnnc-onnx-conformance /usr/share/libonnx-testdata/data/node \
//       --known-failures tests/onnx/known-failures.txt
#include <CLI/CLI.hpp>

#include "Runner.h"

int main(int argc, char **argv) {
  CLI::App app{"Runs ONNX backend node tests through webnnc's importer and "
               "compiled path"};
  webnnc::onnxtest::RunOptions options;
  app.add_option("root", options.root,
                 "Directory of node tests (each: model.onnx, "
                 "test_data_set_*/input_*.pb, output_*.pb)")
      ->required();
  app.add_option("--filter", options.filter,
                 "Run only tests whose name contains this");
  app.add_option("--known-failures", options.knownFailures,
                 "File of 'test | reason' lines expected to fail");
  app.add_option("--unmapped-ops", options.unmappedOps,
                 "File of 'OpType | reason' lines: why an op has no mapping");
  app.add_option("--markdown", options.markdown,
                 "Write the per-op results table here");
  app.add_option("--min-pass-rate", options.minPassRate,
                 "Fail below this pass rate of the tests whose ops are "
                 "mapped (default 0.9)");
  app.add_option("-j,--jobs", options.jobs, "Tests at once (default: cores)");
  app.add_option("--cache-dir", options.cacheDir,
                 "Keep generated kernels here and reuse them (default: none)");
  app.add_flag("-v,--verbose", options.verbose, "Print every test's result");
  app.add_flag("--skip-missing", options.skipMissing,
               "Exit 77 (skip) when the test directory does not exist");
  CLI11_PARSE(app, argc, argv);
  return webnnc::onnxtest::run(options);
}
