// SPDX-License-Identifier: Apache-2.0
// webnnc-validation: WPT's WebNN validation cases (builder calls that must
// succeed with given output descriptors, or throw) through the frontend.
#include <CLI/CLI.hpp>

#include "Validation.h"

int main(int argc, char **argv) {
  webnnc::wpt::ValidationOptions options;
  CLI::App app{"webnnc-validation: check WebNN builder calls against WPT's "
               "validation cases (the JSON form)"};
  app.add_option("paths", options.paths,
                 "Validation .json files, or directories holding them")
      ->required();
  app.add_option("--filter", options.filter,
                 "Run only the cases whose name contains this text");
  app.add_option("--known-failures", options.knownFailures,
                 "File of expected failures ('case name | reason' lines); "
                 "succeed when the failures are exactly these");
  app.add_option("--markdown", options.markdown,
                 "Write the per-file table and the failures as Markdown");
  app.add_flag("-v,--verbose", options.verbose, "Print every case's result");
  app.add_flag("--skip-missing", options.skipMissing,
               "Exit with 77 (skipped) if a path does not exist");
  CLI11_PARSE(app, argc, argv);
  return webnnc::wpt::runValidation(options);
}
