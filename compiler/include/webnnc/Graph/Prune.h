// SPDX-License-Identifier: Apache-2.0
// Removing what a graph's outputs do not need.
#ifndef WEBNNC_GRAPH_PRUNE_H_
#define WEBNNC_GRAPH_PRUNE_H_

#include <string>
#include <vector>

namespace mlir::func {
class FuncOp;
} // namespace mlir::func

namespace webnnc {

// Erases the operations no output needs and the inputs none of them reads.
// Returns the names of the erased inputs.
std::vector<std::string> pruneUnreachable(mlir::func::FuncOp func);

} // namespace webnnc

#endif // WEBNNC_GRAPH_PRUNE_H_
