// SPDX-License-Identifier: Apache-2.0
// The spec results of the element-wise operations.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

namespace {

template <typename Adaptor>
spec::Expected<spec::OperandDescriptor> binary(Adaptor adaptor,
                                               spec::BinaryKind kind) {
  WEBNN_OPERAND(a, adaptor.getA(), "a");
  WEBNN_OPERAND(b, adaptor.getB(), "b");
  return spec::elementwiseBinary(kind, a, b);
}

template <typename Adaptor>
spec::Expected<spec::OperandDescriptor> unary(Adaptor adaptor,
                                              spec::UnaryKind kind) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::elementwiseUnary(kind, input);
}

} // namespace

#define WEBNN_SPEC_RESULT(Op, helper, Kind)                                    \
  spec::Expected<spec::OperandDescriptor> Op::specResult(Adaptor adaptor) {    \
    return helper(adaptor, Kind);                                              \
  }
WEBNN_SPEC_RESULT(AddOp, binary, spec::BinaryKind::Add)
WEBNN_SPEC_RESULT(SubOp, binary, spec::BinaryKind::Sub)
WEBNN_SPEC_RESULT(MulOp, binary, spec::BinaryKind::Mul)
WEBNN_SPEC_RESULT(DivOp, binary, spec::BinaryKind::Div)
WEBNN_SPEC_RESULT(MaxOp, binary, spec::BinaryKind::Max)
WEBNN_SPEC_RESULT(MinOp, binary, spec::BinaryKind::Min)
WEBNN_SPEC_RESULT(PowOp, binary, spec::BinaryKind::Pow)
WEBNN_SPEC_RESULT(ReluOp, unary, spec::UnaryKind::Relu)
WEBNN_SPEC_RESULT(SigmoidOp, unary, spec::UnaryKind::Sigmoid)
WEBNN_SPEC_RESULT(TanhOp, unary, spec::UnaryKind::Tanh)
#undef WEBNN_SPEC_RESULT

spec::Expected<spec::OperandDescriptor> ClampOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::clamp(input, clampOptions(adaptor));
}
