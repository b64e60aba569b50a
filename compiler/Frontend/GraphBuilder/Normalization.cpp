// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: batch, instance and layer normalization.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Operand
GraphBuilder::batchNormalization(const Operand &input, const Operand &mean,
                                 const Operand &variance,
                                 const BatchNormalizationOptions &options) {
  return buildOp<webnn::BatchNormalizationOp>(
      *impl_, this, "batchNormalization",
      {{"input", input}, {"mean", mean}, {"variance", variance}}, options,
      [&](const spec::BatchNormalizationOptions &o) {
        return spec::batchNormalization(input.descriptor(), mean.descriptor(),
                                        variance.descriptor(), o);
      });
}

Operand GraphBuilder::instanceNormalization(
    const Operand &input, const InstanceNormalizationOptions &options) {
  return buildOp<webnn::InstanceNormalizationOp>(
      *impl_, this, "instanceNormalization", {{"input", input}}, options,
      [&](const spec::InstanceNormalizationOptions &o) {
        return spec::instanceNormalization(input.descriptor(), o);
      });
}

Operand
GraphBuilder::layerNormalization(const Operand &input,
                                 const LayerNormalizationOptions &options) {
  return buildOp<webnn::LayerNormalizationOp>(
      *impl_, this, "layerNormalization", {{"input", input}}, options,
      [&](const spec::LayerNormalizationOptions &o) {
        return spec::layerNormalization(input.descriptor(), o);
      });
}

} // namespace webnnc
