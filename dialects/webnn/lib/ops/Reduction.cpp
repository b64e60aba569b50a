// SPDX-License-Identifier: Apache-2.0
// The spec results of the reductions, argMin/argMax, cumulativeSum and
// softmax.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

namespace {

template <typename Adaptor>
spec::Expected<spec::OperandDescriptor> reduce(Adaptor adaptor,
                                               spec::ReduceKind kind) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::reduce(kind, input, optionsOf<spec::ReduceOptions>(adaptor));
}

template <typename Adaptor>
spec::Expected<spec::OperandDescriptor> argMinMax(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  auto axis = adaptor.getAxisAttr();
  if (!axis)
    return spec::Error{"axis", "is required"};
  return spec::argMinMax(input, axis.getInt(), optionsOf<spec::ArgMinMaxOptions>(adaptor));
}

} // namespace

#define WEBNN_REDUCE_RESULT(Op, Kind)                                          \
  spec::Expected<spec::OperandDescriptor> Op::specResult(Adaptor adaptor) {    \
    return reduce(adaptor, spec::ReduceKind::Kind);                            \
  }
WEBNN_REDUCE_RESULT(ReduceL1Op, L1)
WEBNN_REDUCE_RESULT(ReduceL2Op, L2)
WEBNN_REDUCE_RESULT(ReduceLogSumOp, LogSum)
WEBNN_REDUCE_RESULT(ReduceLogSumExpOp, LogSumExp)
WEBNN_REDUCE_RESULT(ReduceMaxOp, Max)
WEBNN_REDUCE_RESULT(ReduceMeanOp, Mean)
WEBNN_REDUCE_RESULT(ReduceMinOp, Min)
WEBNN_REDUCE_RESULT(ReduceProductOp, Product)
WEBNN_REDUCE_RESULT(ReduceSumOp, Sum)
WEBNN_REDUCE_RESULT(ReduceSumSquareOp, SumSquare)
#undef WEBNN_REDUCE_RESULT

spec::Expected<spec::OperandDescriptor> ArgMinOp::specResult(Adaptor adaptor) {
  return argMinMax(adaptor);
}
spec::Expected<spec::OperandDescriptor> ArgMaxOp::specResult(Adaptor adaptor) {
  return argMinMax(adaptor);
}

spec::Expected<spec::OperandDescriptor>
CumulativeSumOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  auto axis = adaptor.getAxisAttr();
  if (!axis)
    return spec::Error{"axis", "is required"};
  return spec::cumulativeSum(input, axis.getInt());
}

spec::Expected<spec::OperandDescriptor> SoftmaxOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  auto axis = adaptor.getAxisAttr();
  if (!axis)
    return spec::Error{"axis", "is required"};
  return spec::softmax(input, axis.getInt());
}
