// SPDX-License-Identifier: Apache-2.0
// quantizeLinear and dequantizeLinear kernels (blockwise scale and zero
// point: each scale element covers a block of the input).
#include <stdexcept>

#include "Families.h"

namespace webnnc::halide {
using namespace Halide;
using Index = std::vector<Expr>;

namespace {

// The scale element covering input element |at|; a lower-rank scale
// aligns to the input's trailing dimensions.
Index blockIndex(const Index &at, const spec::Shape &input,
                 const spec::Shape &scale) {
  size_t skip = input.size() - scale.size();
  Index b(scale.size());
  for (size_t d = 0; d < scale.size(); ++d) {
    int64_t size = input[skip + d];
    b[d] = scale[d] == size ? at[skip + d]
           : scale[d] == 1  ? Expr(0)
                            : at[skip + d] / int(size / scale[d]);
  }
  return b;
}

} // namespace

std::optional<Defined> defineQuantize(const kernels::OpSpec &op,
                                      const std::vector<Value> &operands) {
  bool quantize = op.kind == "quantize_linear";
  if (!quantize && op.kind != "dequantize_linear")
    return std::nullopt;
  if (operands.size() < 3)
    throw std::runtime_error(op.kind + " needs input, scale and zero point");
  const Value &input = operands[0], &scale = operands[1],
              &zeroPoint = operands[2];
  return definePointwise(op.kind, op, [&](const Index &at) {
    Index b = blockIndex(at, input.type.shape, scale.type.shape);
    Expr s = readAt(scale, b);
    if (quantize) {
      // round(x / scale) ties to even, plus the zero point, saturated.
      Expr q = round(readAt(input, at) / s);
      Expr z = cast<double>(rawAt(zeroPoint, b));
      Type t = storageType(op.result.dataType);
      Expr v = clamp(cast<double>(q) + z, t.min(), t.max());
      return cast(t, v);
    }
    // In float64 the difference and product are exact, so the result
    // rounds once, like the reference's.
    Expr x = cast<double>(rawAt(input, at)) - cast<double>(rawAt(zeroPoint, b));
    return store(x * cast<double>(s), op.result.dataType);
  });
}

} // namespace webnnc::halide
