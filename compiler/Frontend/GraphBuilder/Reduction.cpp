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
  return buildOp<Op>(impl, owner, std::string(spec::toString(kind)),
                     {{"input", input}}, options,
                     [&](const ReduceOptions &o) {
                       return spec::reduce(kind, input.descriptor(), o);
                     });
}

template <typename Op>
Operand argMinMax(GraphBuilder::Impl &impl, const GraphBuilder *owner,
                  const char *name, const Operand &input, uint32_t axis,
                  const ArgMinMaxOptions &options) {
  return buildOp<Op>(
      impl, owner, name, {{"input", input}}, options,
      [&](const ArgMinMaxOptions &o) {
        return spec::argMinMax(input.descriptor(), axis, o);
      },
      [&](AttrList &attrs) { attrs.i64("axis", axis); });
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
  return buildOp<webnn::CumulativeSumOp>(
      *impl_, this, "cumulativeSum", {{"input", input}}, options,
      [&](const CumulativeSumOptions &) {
        return spec::cumulativeSum(input.descriptor(), axis);
      },
      [&](AttrList &attrs) { attrs.i64("axis", axis); });
}

Operand GraphBuilder::softmax(const Operand &input, uint32_t axis,
                              const OperatorOptions &options) {
  return buildOp<webnn::SoftmaxOp>(
      *impl_, this, "softmax", {{"input", input}}, options,
      [&](const OperatorOptions &) {
        return spec::softmax(input.descriptor(), axis);
      },
      [&](AttrList &attrs) { attrs.i64("axis", axis); });
}

} // namespace webnnc
