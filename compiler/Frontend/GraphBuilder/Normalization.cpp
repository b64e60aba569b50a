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
  OpCall call(*impl_, this, "batchNormalization", options.label);
  if (!call.check("input", input) || !call.check("mean", mean) ||
      !call.check("variance", variance) ||
      !call.check("scale", options.scale) || !call.check("bias", options.bias))
    return call.failed();
  spec::BatchNormalizationOptions specOptions{
      .scale = descriptorOf(options.scale),
      .bias = descriptorOf(options.bias),
      .axis = options.axis,
      .epsilon = options.epsilon,
      .label = options.label};
  auto result = spec::batchNormalization(input.descriptor(), mean.descriptor(),
                                         variance.descriptor(), specOptions);
  if (!result)
    return call.fail(result.error());
  OperandList operands(*impl_);
  operands.add(input)
      .add(mean)
      .add(variance)
      .add(options.scale)
      .add(options.bias);
  AttrList attrs(call.builder());
  attrs.option("axis", options, &OptionsOf<decltype(options)>::axis)
      .option("epsilon", options, &OptionsOf<decltype(options)>::epsilon)
      .segments(operands);
  return call.create<webnn::BatchNormalizationOp>(*result, operands.values(),
                                                  attrs);
}

Operand GraphBuilder::instanceNormalization(
    const Operand &input, const InstanceNormalizationOptions &options) {
  OpCall call(*impl_, this, "instanceNormalization", options.label);
  if (!call.check("input", input) || !call.check("scale", options.scale) ||
      !call.check("bias", options.bias))
    return call.failed();
  spec::InstanceNormalizationOptions specOptions{
      .scale = descriptorOf(options.scale),
      .bias = descriptorOf(options.bias),
      .epsilon = options.epsilon,
      .layout = options.layout,
      .label = options.label};
  auto result = spec::instanceNormalization(input.descriptor(), specOptions);
  if (!result)
    return call.fail(result.error());
  OperandList operands(*impl_);
  operands.add(input).add(options.scale).add(options.bias);
  AttrList attrs(call.builder());
  attrs.option("epsilon", options, &OptionsOf<decltype(options)>::epsilon)
      .option<webnn::InputOperandLayoutAttr>(
          "layout", options, &OptionsOf<decltype(options)>::layout)
      .segments(operands);
  return call.create<webnn::InstanceNormalizationOp>(*result, operands.values(),
                                                     attrs);
}

Operand
GraphBuilder::layerNormalization(const Operand &input,
                                 const LayerNormalizationOptions &options) {
  OpCall call(*impl_, this, "layerNormalization", options.label);
  if (!call.check("input", input) || !call.check("scale", options.scale) ||
      !call.check("bias", options.bias))
    return call.failed();
  spec::LayerNormalizationOptions specOptions{
      .scale = descriptorOf(options.scale),
      .bias = descriptorOf(options.bias),
      .axes = options.axes,
      .epsilon = options.epsilon,
      .label = options.label};
  auto result = spec::layerNormalization(input.descriptor(), specOptions);
  if (!result)
    return call.fail(result.error());
  OperandList operands(*impl_);
  operands.add(input).add(options.scale).add(options.bias);
  AttrList attrs(call.builder());
  attrs.optionalArray("axes", options.axes)
      .option("epsilon", options, &OptionsOf<decltype(options)>::epsilon)
      .segments(operands);
  return call.create<webnn::LayerNormalizationOp>(*result, operands.values(),
                                                  attrs);
}

} // namespace webnnc
