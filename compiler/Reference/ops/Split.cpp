// SPDX-License-Identifier: Apache-2.0
// Reference semantics of split.
#include "../RefTensor.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"

namespace webnnc::reference {
using namespace mlir;

std::optional<MultiOpResult> evaluateSplit(Operation *op,
                                           const Operands &operands) {
  auto split = dyn_cast<webnn::SplitOp>(op);
  if (!split)
    return std::nullopt;
  const RefTensor &in = *operands[0];
  int64_t axis = split.getAxis();
  std::vector<RefTensor> outputs;
  int64_t start = 0;
  for (Value result : split.getResults()) {
    RefTensor out(in.type, shapeOf(result));
    forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
      std::vector<int64_t> from = index;
      from[axis] += start;
      out.copyFrom(k, in, offsetOf(from, in.shape));
    });
    start += out.shape[axis];
    outputs.push_back(std::move(out));
  }
  return MultiOpResult(std::move(outputs));
}

} // namespace webnnc::reference
