// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: gather, scatter and quantization.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Operand GraphBuilder::gather(const Operand &input, const Operand &indices,
                             const GatherOptions &options) {
  return buildOp<webnn::GatherOp>(
      *impl_, this, "gather", {{"input", input}, {"indices", indices}}, options,
      [&](const GatherOptions &o) {
        return spec::gather(input.descriptor(), indices.descriptor(), o);
      });
}

Operand GraphBuilder::gatherElements(const Operand &input,
                                     const Operand &indices,
                                     const GatherOptions &options) {
  return buildOp<webnn::GatherElementsOp>(
      *impl_, this, "gatherElements", {{"input", input}, {"indices", indices}},
      options, [&](const GatherOptions &o) {
        return spec::gatherElements(input.descriptor(), indices.descriptor(),
                                    o);
      });
}

Operand GraphBuilder::gatherND(const Operand &input, const Operand &indices,
                               const OperatorOptions &options) {
  return buildOp<webnn::GatherNDOp>(
      *impl_, this, "gatherND", {{"input", input}, {"indices", indices}},
      options, [&](const OperatorOptions &) {
        return spec::gatherND(input.descriptor(), indices.descriptor());
      });
}

Operand GraphBuilder::scatterElements(const Operand &input,
                                      const Operand &indices,
                                      const Operand &updates,
                                      const ScatterOptions &options) {
  return buildOp<webnn::ScatterElementsOp>(
      *impl_, this, "scatterElements",
      {{"input", input}, {"indices", indices}, {"updates", updates}}, options,
      [&](const ScatterOptions &o) {
        return spec::scatterElements(input.descriptor(), indices.descriptor(),
                                     updates.descriptor(), o);
      });
}

Operand GraphBuilder::scatterND(const Operand &input, const Operand &indices,
                                const Operand &updates,
                                const OperatorOptions &options) {
  return buildOp<webnn::ScatterNDOp>(
      *impl_, this, "scatterND",
      {{"input", input}, {"indices", indices}, {"updates", updates}}, options,
      [&](const OperatorOptions &) {
        return spec::scatterND(input.descriptor(), indices.descriptor(),
                               updates.descriptor());
      });
}

Operand GraphBuilder::quantizeLinear(const Operand &input, const Operand &scale,
                                     const Operand &zeroPoint,
                                     const OperatorOptions &options) {
  return buildOp<webnn::QuantizeLinearOp>(
      *impl_, this, "quantizeLinear",
      {{"input", input}, {"scale", scale}, {"zeroPoint", zeroPoint}}, options,
      [&](const OperatorOptions &) {
        return spec::quantizeLinear(input.descriptor(), scale.descriptor(),
                                    zeroPoint.descriptor());
      });
}

Operand GraphBuilder::dequantizeLinear(const Operand &input,
                                       const Operand &scale,
                                       const Operand &zeroPoint,
                                       const OperatorOptions &options) {
  return buildOp<webnn::DequantizeLinearOp>(
      *impl_, this, "dequantizeLinear",
      {{"input", input}, {"scale", scale}, {"zeroPoint", zeroPoint}}, options,
      [&](const OperatorOptions &) {
        return spec::dequantizeLinear(input.descriptor(), scale.descriptor(),
                                      zeroPoint.descriptor());
      });
}

} // namespace webnnc
