// SPDX-License-Identifier: Apache-2.0
// Runs WPT's WebNN validation cases (../shared/data/wpt-validation): each
// case is one builder call on graph inputs of given descriptors, which
// must either produce the given output descriptors or be rejected with an
// error (naming the label, when the call has one). Plain C++ interface:
// main.cpp (built with exceptions for CLI11) includes no LLVM headers.
#ifndef WEBNNC_TOOLS_VALIDATION_VALIDATION_H_
#define WEBNNC_TOOLS_VALIDATION_VALIDATION_H_

#include <string>
#include <vector>

namespace webnnc::wpt {

struct ValidationOptions {
  std::vector<std::string> paths; // .json files or directories of them
  std::string filter;             // run only cases whose name contains it
  std::string knownFailures;      // "case name | reason" lines
  std::string markdown;           // write the results table here
  bool verbose = false;
  bool skipMissing = false; // a missing path exits 77 (skipped)
};

// Prints the failures and a final "N passed, N failed". Returns 0 when
// every case behaved as WPT expects, or when |knownFailures| is given and
// the failures are exactly those listed.
int runValidation(const ValidationOptions &options);

} // namespace webnnc::wpt

#endif // WEBNNC_TOOLS_VALIDATION_VALIDATION_H_
