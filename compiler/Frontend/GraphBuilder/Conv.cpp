// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: convolutions, pooling and resampling.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

namespace {

// The attributes conv2d and convTranspose2d share.
template <typename Options>
void addConvolutionAttrs(AttrList &attrs, const Options &options) {
  attrs.optionalArray("padding", options.padding)
      .optionalArray("strides", options.strides)
      .optionalArray("dilations", options.dilations)
      .option("groups", options, &OptionsOf<decltype(options)>::groups)
      .template enumeration<webnn::InputOperandLayoutAttr>(
          "input_layout", options.inputLayout, InputOperandLayout::Nchw);
}

} // namespace

Operand GraphBuilder::conv2d(const Operand &input, const Operand &filter,
                             const Conv2dOptions &options) {
  OpCall call(*impl_, this, "conv2d", options.label);
  if (!call.check("input", input) || !call.check("filter", filter) ||
      !call.check("bias", options.bias))
    return call.failed();
  spec::Conv2dOptions specOptions{.padding = options.padding,
                                  .strides = options.strides,
                                  .dilations = options.dilations,
                                  .groups = options.groups,
                                  .inputLayout = options.inputLayout,
                                  .filterLayout = options.filterLayout,
                                  .bias = descriptorOf(options.bias),
                                  .label = options.label};
  auto result =
      spec::conv2d(input.descriptor(), filter.descriptor(), specOptions);
  if (!result)
    return call.fail(result.error());
  OperandList operands(*impl_);
  operands.add(input).add(filter).add(options.bias);
  AttrList attrs(call.builder());
  addConvolutionAttrs(attrs, options);
  attrs.option<webnn::Conv2dFilterOperandLayoutAttr>(
      "filter_layout", options, &OptionsOf<decltype(options)>::filterLayout);
  return call.create<webnn::Conv2dOp>(*result, operands.values(), attrs);
}

Operand GraphBuilder::convTranspose2d(const Operand &input,
                                      const Operand &filter,
                                      const ConvTranspose2dOptions &options) {
  OpCall call(*impl_, this, "convTranspose2d", options.label);
  if (!call.check("input", input) || !call.check("filter", filter) ||
      !call.check("bias", options.bias))
    return call.failed();
  spec::ConvTranspose2dOptions specOptions{.padding = options.padding,
                                           .strides = options.strides,
                                           .dilations = options.dilations,
                                           .outputPadding =
                                               options.outputPadding,
                                           .outputSizes = options.outputSizes,
                                           .groups = options.groups,
                                           .inputLayout = options.inputLayout,
                                           .filterLayout = options.filterLayout,
                                           .bias = descriptorOf(options.bias),
                                           .label = options.label};
  auto result = spec::convTranspose2d(input.descriptor(), filter.descriptor(),
                                      specOptions);
  if (!result)
    return call.fail(result.error());
  OperandList operands(*impl_);
  operands.add(input).add(filter).add(options.bias);
  AttrList attrs(call.builder());
  addConvolutionAttrs(attrs, options);
  attrs.optionalArray("output_padding", options.outputPadding)
      .optionalArray("output_sizes", options.outputSizes)
      .option<webnn::ConvTranspose2dFilterOperandLayoutAttr>(
          "filter_layout", options,
          &OptionsOf<decltype(options)>::filterLayout);
  return call.create<webnn::ConvTranspose2dOp>(*result, operands.values(),
                                               attrs);
}

namespace {

template <typename Op>
Operand pool(GraphBuilder::Impl &impl, const GraphBuilder *owner,
             spec::PoolKind kind, const Operand &input,
             const Pool2dOptions &options) {
  OpCall call(impl, owner, std::string(spec::toString(kind)), options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::pool2d(kind, input.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.optionalArray("window_dimensions", options.windowDimensions)
      .optionalArray("padding", options.padding)
      .optionalArray("strides", options.strides)
      .optionalArray("dilations", options.dilations)
      .option<webnn::InputOperandLayoutAttr>(
          "layout", options, &OptionsOf<decltype(options)>::layout)
      .option<webnn::RoundingTypeAttr>(
          "output_shape_rounding", options,
          &OptionsOf<decltype(options)>::outputShapeRounding)
      .optionalArray("output_sizes", options.outputSizes);
  return call.create<Op>(*result, {impl.value(input)}, attrs);
}

} // namespace

Operand GraphBuilder::averagePool2d(const Operand &input,
                                    const Pool2dOptions &options) {
  return pool<webnn::AveragePool2dOp>(*impl_, this, spec::PoolKind::Average,
                                      input, options);
}

Operand GraphBuilder::l2Pool2d(const Operand &input,
                               const Pool2dOptions &options) {
  return pool<webnn::L2Pool2dOp>(*impl_, this, spec::PoolKind::L2, input,
                                 options);
}

Operand GraphBuilder::maxPool2d(const Operand &input,
                                const Pool2dOptions &options) {
  return pool<webnn::MaxPool2dOp>(*impl_, this, spec::PoolKind::Max, input,
                                  options);
}

Operand GraphBuilder::resample2d(const Operand &input,
                                 const Resample2dOptions &options) {
  OpCall call(*impl_, this, "resample2d", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::resample2d(input.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs
      .option<webnn::InterpolationModeAttr>("mode", options,
                                            &OptionsOf<decltype(options)>::mode)
      .f64Array("scales", options.scales)
      .optionalArray("sizes", options.sizes)
      .optionalArray("axes", options.axes);
  return call.create<webnn::Resample2dOp>(*result, {impl_->value(input)},
                                          attrs);
}

} // namespace webnnc
