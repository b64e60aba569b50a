// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: gather, scatter and quantization.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Operand GraphBuilder::gather(const Operand &input, const Operand &indices,
                             const GatherOptions &options) {
  OpCall call(*impl_, this, "gather", options.label);
  if (!call.check("input", input) || !call.check("indices", indices))
    return call.failed();
  auto result = spec::gather(input.descriptor(), indices.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.option("axis", options, &OptionsOf<decltype(options)>::axis);
  return call.create<webnn::GatherOp>(
      *result, {impl_->value(input), impl_->value(indices)}, attrs);
}

Operand GraphBuilder::gatherElements(const Operand &input,
                                     const Operand &indices,
                                     const GatherOptions &options) {
  OpCall call(*impl_, this, "gatherElements", options.label);
  if (!call.check("input", input) || !call.check("indices", indices))
    return call.failed();
  auto result =
      spec::gatherElements(input.descriptor(), indices.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.option("axis", options, &OptionsOf<decltype(options)>::axis);
  return call.create<webnn::GatherElementsOp>(
      *result, {impl_->value(input), impl_->value(indices)}, attrs);
}

Operand GraphBuilder::gatherND(const Operand &input, const Operand &indices,
                               const OperatorOptions &options) {
  OpCall call(*impl_, this, "gatherND", options.label);
  if (!call.check("input", input) || !call.check("indices", indices))
    return call.failed();
  auto result = spec::gatherND(input.descriptor(), indices.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<webnn::GatherNDOp>(
      *result, {impl_->value(input), impl_->value(indices)});
}

Operand GraphBuilder::scatterElements(const Operand &input,
                                      const Operand &indices,
                                      const Operand &updates,
                                      const ScatterOptions &options) {
  OpCall call(*impl_, this, "scatterElements", options.label);
  if (!call.check("input", input) || !call.check("indices", indices) ||
      !call.check("updates", updates))
    return call.failed();
  auto result = spec::scatterElements(input.descriptor(), indices.descriptor(),
                                      updates.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.option("axis", options, &OptionsOf<decltype(options)>::axis);
  return call.create<webnn::ScatterElementsOp>(
      *result,
      {impl_->value(input), impl_->value(indices), impl_->value(updates)},
      attrs);
}

Operand GraphBuilder::scatterND(const Operand &input, const Operand &indices,
                                const Operand &updates,
                                const OperatorOptions &options) {
  OpCall call(*impl_, this, "scatterND", options.label);
  if (!call.check("input", input) || !call.check("indices", indices) ||
      !call.check("updates", updates))
    return call.failed();
  auto result = spec::scatterND(input.descriptor(), indices.descriptor(),
                                updates.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<webnn::ScatterNDOp>(
      *result,
      {impl_->value(input), impl_->value(indices), impl_->value(updates)});
}

Operand GraphBuilder::quantizeLinear(const Operand &input, const Operand &scale,
                                     const Operand &zeroPoint,
                                     const OperatorOptions &options) {
  OpCall call(*impl_, this, "quantizeLinear", options.label);
  if (!call.check("input", input) || !call.check("scale", scale) ||
      !call.check("zeroPoint", zeroPoint))
    return call.failed();
  auto result = spec::quantizeLinear(input.descriptor(), scale.descriptor(),
                                     zeroPoint.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<webnn::QuantizeLinearOp>(
      *result,
      {impl_->value(input), impl_->value(scale), impl_->value(zeroPoint)});
}

Operand GraphBuilder::dequantizeLinear(const Operand &input,
                                       const Operand &scale,
                                       const Operand &zeroPoint,
                                       const OperatorOptions &options) {
  OpCall call(*impl_, this, "dequantizeLinear", options.label);
  if (!call.check("input", input) || !call.check("scale", scale) ||
      !call.check("zeroPoint", zeroPoint))
    return call.failed();
  auto result = spec::dequantizeLinear(input.descriptor(), scale.descriptor(),
                                       zeroPoint.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<webnn::DequantizeLinearOp>(
      *result,
      {impl_->value(input), impl_->value(scale), impl_->value(zeroPoint)});
}

} // namespace webnnc
