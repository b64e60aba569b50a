// SPDX-License-Identifier: Apache-2.0
// The reference evaluator: a plain interpreter of the webnn dialect that
// tests use as their oracle. Arithmetic is float64 (accumulations included);
// each op's result is rounded to its data type, as a real implementation
// stores it. Integers are exact and wrap to their width.
#ifndef WEBNNC_REFERENCE_EVALUATOR_H_
#define WEBNNC_REFERENCE_EVALUATOR_H_

#include <map>
#include <string>
#include <vector>

#include "webnnc/Graph/Graph.h"

namespace mlir {
class Operation;
} // namespace mlir
#include "webnnc/Support/HostTensor.h"

namespace webnnc::reference {

// Computes |graph| for |inputs| (keyed by input name). Returns the outputs
// in the graph's output order, or an error naming a missing or mismatched
// input or an op the evaluator cannot compute.
Expected<std::vector<HostTensor>, std::string>
evaluate(mlir::func::FuncOp graph,
         const std::map<std::string, HostTensor> &inputs);
Expected<std::vector<HostTensor>, std::string>
evaluate(const Graph &graph, const std::map<std::string, HostTensor> &inputs);

// Computes one op (not a constant) on |operands|, in its operand order.
// Constant folding uses this, so folded values follow the same semantics.
Expected<std::vector<HostTensor>, std::string>
evaluateOperation(mlir::Operation *op, const std::vector<HostTensor> &operands);

// The value of a webnn.constant op.
Expected<HostTensor, std::string> constantValue(mlir::Operation *constant);

} // namespace webnnc::reference

#endif // WEBNNC_REFERENCE_EVALUATOR_H_
