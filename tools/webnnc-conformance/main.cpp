// SPDX-License-Identifier: Apache-2.0
// webnnc-conformance: the WPT WebNN conformance vectors through the whole
// pipeline (frontend, passes, Halide kernels, LLVM glue, link, load).
#include <CLI/CLI.hpp>

#include "Runner.h"

int main(int argc, char **argv) {
  webnnc::wpt::RunOptions options;
  CLI::App app{"webnnc-conformance: run WebNN conformance vectors (the WPT "
               "JSON form) through the webnnc compiler"};
  app.add_option("paths", options.paths,
                 "Conformance .json files, or directories holding them")
      ->required();
  app.add_option("--filter", options.filter,
                 "Run only the cases whose name contains this text");
  app.add_option("--dump-outputs", options.dumpOutputs,
                 "Write each case's actual outputs to this JSON file "
                 "({case: {output: {shape, dataType, data}}})");
  app.add_option("--known-failures", options.knownFailures,
                 "File of expected failures ('case name | reason' lines); "
                 "succeed when the failures are exactly these");
  app.add_option("--markdown", options.markdown,
                 "Write the per-op table and the failures as Markdown");
  app.add_option("--target", options.target,
                 "CPU to compile for: host, x86-64-v3 or x86-64-v4");
  app.add_option("-j,--jobs", options.jobs,
                 "Cases compiled at once (default: cores)");
  app.add_option("--cache-dir", options.cacheDir,
                 "Keep generated kernels here and reuse them (default: none)");
  app.add_flag("--check-determinism", options.checkDeterminism,
               "Compile each case --deterministic for x86-64-v3, "
               "x86-64-v4 and host, compute each at 1, 2 and 3 threads twice, "
               "and fail a "
               "case whose outputs differ in any bit");
  app.add_flag("-v,--verbose", options.verbose, "Print every case's result");
  app.add_flag("--skip-missing", options.skipMissing,
               "Exit with 77 (skipped) if a path does not exist");
  CLI11_PARSE(app, argc, argv);
  return webnnc::wpt::run(options);
}
