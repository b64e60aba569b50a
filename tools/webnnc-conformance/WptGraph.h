// SPDX-License-Identifier: Apache-2.0
// Building a WPT case's graph with the C++ frontend, and the tolerance the
// WPT harness gives its outputs.
#ifndef WEBNNC_TOOLS_CONFORMANCE_WPTGRAPH_H_
#define WEBNNC_TOOLS_CONFORMANCE_WPTGRAPH_H_

#include <map>
#include <string>

#include "WptCase.h"
#include "webnnc/Graph/Graph.h"

namespace webnnc::wpt {

// How far an output may be from the expected value: within |ulp| units in
// the last place (bit-pattern distance; integer distance for integer
// types), or within |atol| absolute. Chained operators add up.
struct Tolerance {
  double ulp = 0;
  double atol = 0;
  Tolerance &operator+=(const Tolerance &other) {
    ulp += other.ulp;
    atol += other.atol;
    return *this;
  }
};

struct BuiltCase {
  Graph graph;
  // Values for the graph's (non-constant) inputs, by name.
  std::map<std::string, HostTensor> inputs;
  Tolerance tolerance;
};

// Why a case's graph could not be built.
struct BuildFailure {
  std::string message;
  // The frontend rejected a builder call (the spec's validation), as
  // opposed to the case being unreadable to the runner.
  bool byBuilder = false;
};

// Builds |c|'s graph computing its expected outputs.
Expected<BuiltCase, BuildFailure> buildCase(const Case &c);

// The operators buildCase knows, sorted.
std::vector<std::string> supportedOperators();

} // namespace webnnc::wpt

#endif // WEBNNC_TOOLS_CONFORMANCE_WPTGRAPH_H_
