// SPDX-License-Identifier: Apache-2.0
// Reference semantics of reshape, transpose and softmax.
#include <cmath>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;

namespace {

spec::Shape shapeOf(Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  return spec::Shape(type.getShape().begin(), type.getShape().end());
}

OpResult transpose(webnn::TransposeOp op, const RefTensor &in) {
  std::vector<int64_t> perm = spec::resolvePermutation(
      *webnn::getDescriptor(op.getInput().getType()),
      webnn::transposeOptions(op));
  RefTensor out(in.type, shapeOf(op.getResult()));
  std::vector<int64_t> inStrides = stridesOf(in.shape);
  size_t rank = out.shape.size();
  std::vector<int64_t> index(rank, 0);
  for (size_t k = 0; k < out.size(); ++k) {
    // Output dimension d walks input dimension perm[d].
    size_t from = 0;
    for (size_t d = 0; d < rank; ++d)
      from += index[d] * inStrides[perm[d]];
    out.copyFrom(k, in, from);
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out.shape[d])
        break;
      index[d] = 0;
    }
  }
  return out;
}

OpResult softmax(webnn::SoftmaxOp op, const RefTensor &in) {
  RefTensor out(in.type, in.shape);
  int64_t axis = static_cast<int64_t>(op.getAxis());
  int64_t extent = in.shape[axis];
  int64_t inner = 1;
  for (size_t d = axis + 1; d < in.shape.size(); ++d)
    inner *= in.shape[d];
  int64_t outer = static_cast<int64_t>(in.size()) / (extent * inner);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      auto at = [&](int64_t e) { return (o * extent + e) * inner + i; };
      double maxValue = -INFINITY;
      for (int64_t e = 0; e < extent; ++e)
        maxValue = std::max(maxValue, in.f[at(e)]);
      double sum = 0;
      for (int64_t e = 0; e < extent; ++e)
        sum += std::exp(in.f[at(e)] - maxValue);
      for (int64_t e = 0; e < extent; ++e)
        out.f[at(e)] = std::exp(in.f[at(e)] - maxValue) / sum;
    }
  out.roundToType();
  return out;
}

} // namespace

std::optional<OpResult> evaluateShape(Operation *op,
                                      const Operands &operands) {
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::ReshapeOp reshape) -> std::optional<OpResult> {
        RefTensor out = *operands[0];
        out.shape = shapeOf(reshape.getResult());
        return out;
      })
      .Case([&](webnn::TransposeOp t) { return transpose(t, *operands[0]); })
      .Case([&](webnn::SoftmaxOp s) { return softmax(s, *operands[0]); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
