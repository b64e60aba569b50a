// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: conv2d and the pooling operations.
#include "BuilderImpl.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Operand GraphBuilder::conv2d(const Operand &input, const Operand &filter,
                             const Conv2dOptions &options) {
  OpCall call(*impl_, this, "conv2d", options.label);
  if (!call.check("input", input) || !call.check("filter", filter) ||
      !call.check("bias", options.bias))
    return call.failed();
  spec::Conv2dOptions specOptions{
      options.padding,    options.strides,     options.dilations,
      options.groups,     options.inputLayout, options.filterLayout,
      std::nullopt,       options.label};
  if (options.bias)
    specOptions.bias = options.bias->descriptor();
  auto result =
      spec::conv2d(input.descriptor(), filter.descriptor(), specOptions);
  if (!result)
    return call.fail(result.error());

  MLIRContext *context = impl_->context.get();
  Builder &b = call.builder();
  auto op = webnn::Conv2dOp::create(
      call.builder(), call.loc(), impl_->tensorType(*result),
      impl_->value(input), impl_->value(filter),
      options.bias ? impl_->value(*options.bias) : Value(),
      impl_->optionalArray(options.padding),
      impl_->optionalArray(options.strides),
      impl_->optionalArray(options.dilations),
      options.groups == 1 ? IntegerAttr() : b.getI64IntegerAttr(options.groups),
      options.inputLayout == InputOperandLayout::Nchw
          ? webnn::InputOperandLayoutAttr()
          : webnn::InputOperandLayoutAttr::get(
                context, webnn::fromSpec(options.inputLayout)),
      options.filterLayout == Conv2dFilterOperandLayout::Oihw
          ? webnn::Conv2dFilterOperandLayoutAttr()
          : webnn::Conv2dFilterOperandLayoutAttr::get(
                context, webnn::fromSpec(options.filterLayout)));
  return call.result(op.getResult(), *result);
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
  MLIRContext *context = impl.context.get();
  auto op = Op::create(
      call.builder(), call.loc(), impl.tensorType(*result), impl.value(input),
      impl.optionalArray(options.windowDimensions),
      impl.optionalArray(options.padding), impl.optionalArray(options.strides),
      impl.optionalArray(options.dilations),
      options.layout == InputOperandLayout::Nchw
          ? webnn::InputOperandLayoutAttr()
          : webnn::InputOperandLayoutAttr::get(context,
                                               webnn::fromSpec(options.layout)),
      options.roundingType == RoundingType::Floor
          ? webnn::RoundingTypeAttr()
          : webnn::RoundingTypeAttr::get(context, webnn::RoundingType::ceil),
      impl.optionalArray(options.outputSizes));
  return call.result(op.getResult(), *result);
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

} // namespace webnnc
