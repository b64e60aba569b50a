// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: reductions, argMin/argMax, cumulativeSum and softmax.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

namespace {

template <typename Op>
Operand reduce(GraphBuilder::Impl &impl, const GraphBuilder *owner,
               spec::ReduceKind kind, const Operand &input,
               const ReduceOptions &options) {
  OpCall call(impl, owner, std::string(spec::toString(kind)), options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::reduce(kind, input.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.optionalArray("axes", options.axes)
      .option("keep_dimensions", options,
              &OptionsOf<decltype(options)>::keepDimensions);
  return call.create<Op>(*result, {impl.value(input)}, attrs);
}

template <typename Op>
Operand argMinMax(GraphBuilder::Impl &impl, const GraphBuilder *owner,
                  const char *name, const Operand &input, uint32_t axis,
                  const ArgMinMaxOptions &options) {
  OpCall call(impl, owner, name, options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::argMinMax(input.descriptor(), axis, options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.i64("axis", axis)
      .option("keep_dimensions", options,
              &OptionsOf<decltype(options)>::keepDimensions)
      .option<webnn::OperandDataTypeAttr>(
          "output_data_type", options,
          &OptionsOf<decltype(options)>::outputDataType);
  return call.create<Op>(*result, {impl.value(input)}, attrs);
}

} // namespace

#define WEBNNC_REDUCE(method, Op, Kind)                                        \
  Operand GraphBuilder::method(const Operand &input,                           \
                               const ReduceOptions &options) {                 \
    return reduce<webnn::Op>(*impl_, this, spec::ReduceKind::Kind, input,      \
                             options);                                         \
  }
WEBNNC_REDUCE(reduceL1, ReduceL1Op, L1)
WEBNNC_REDUCE(reduceL2, ReduceL2Op, L2)
WEBNNC_REDUCE(reduceLogSum, ReduceLogSumOp, LogSum)
WEBNNC_REDUCE(reduceLogSumExp, ReduceLogSumExpOp, LogSumExp)
WEBNNC_REDUCE(reduceMax, ReduceMaxOp, Max)
WEBNNC_REDUCE(reduceMean, ReduceMeanOp, Mean)
WEBNNC_REDUCE(reduceMin, ReduceMinOp, Min)
WEBNNC_REDUCE(reduceProduct, ReduceProductOp, Product)
WEBNNC_REDUCE(reduceSum, ReduceSumOp, Sum)
WEBNNC_REDUCE(reduceSumSquare, ReduceSumSquareOp, SumSquare)
#undef WEBNNC_REDUCE

Operand GraphBuilder::argMin(const Operand &input, uint32_t axis,
                             const ArgMinMaxOptions &options) {
  return argMinMax<webnn::ArgMinOp>(*impl_, this, "argMin", input, axis,
                                    options);
}

Operand GraphBuilder::argMax(const Operand &input, uint32_t axis,
                             const ArgMinMaxOptions &options) {
  return argMinMax<webnn::ArgMaxOp>(*impl_, this, "argMax", input, axis,
                                    options);
}

Operand GraphBuilder::cumulativeSum(const Operand &input, uint32_t axis,
                                    const CumulativeSumOptions &options) {
  OpCall call(*impl_, this, "cumulativeSum", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::cumulativeSum(input.descriptor(), axis);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.i64("axis", axis)
      .option("exclusive", options, &OptionsOf<decltype(options)>::exclusive)
      .option("reversed", options, &OptionsOf<decltype(options)>::reversed);
  return call.create<webnn::CumulativeSumOp>(*result, {impl_->value(input)},
                                             attrs);
}

Operand GraphBuilder::softmax(const Operand &input, uint32_t axis,
                              const OperatorOptions &options) {
  OpCall call(*impl_, this, "softmax", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::softmax(input.descriptor(), axis);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.i64("axis", axis);
  return call.create<webnn::SoftmaxOp>(*result, {impl_->value(input)}, attrs);
}

} // namespace webnnc
