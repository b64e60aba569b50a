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
WEBNN_SPEC_RESULT(EqualOp, binary, spec::BinaryKind::Equal)
WEBNN_SPEC_RESULT(NotEqualOp, binary, spec::BinaryKind::NotEqual)
WEBNN_SPEC_RESULT(GreaterOp, binary, spec::BinaryKind::Greater)
WEBNN_SPEC_RESULT(GreaterOrEqualOp, binary, spec::BinaryKind::GreaterOrEqual)
WEBNN_SPEC_RESULT(LesserOp, binary, spec::BinaryKind::Lesser)
WEBNN_SPEC_RESULT(LesserOrEqualOp, binary, spec::BinaryKind::LesserOrEqual)
WEBNN_SPEC_RESULT(LogicalAndOp, binary, spec::BinaryKind::LogicalAnd)
WEBNN_SPEC_RESULT(LogicalOrOp, binary, spec::BinaryKind::LogicalOr)
WEBNN_SPEC_RESULT(LogicalXorOp, binary, spec::BinaryKind::LogicalXor)
#define WEBNN_UNARY_SPEC_RESULT(method, Kind, types, result, Options)          \
  WEBNN_SPEC_RESULT(Kind##Op, unary, spec::UnaryKind::Kind)
WEBNNC_UNARY_OPS(WEBNN_UNARY_SPEC_RESULT)
#undef WEBNN_UNARY_SPEC_RESULT
#undef WEBNN_SPEC_RESULT

spec::Expected<spec::OperandDescriptor> ClampOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::clamp(input, optionsOf<spec::ClampOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor> PreluOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(slope, adaptor.getSlope(), "slope");
  return spec::prelu(input, slope);
}

spec::Expected<spec::OperandDescriptor> WhereOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(condition, adaptor.getCondition(), "condition");
  WEBNN_OPERAND(trueValue, adaptor.getTrueValue(), "trueValue");
  WEBNN_OPERAND(falseValue, adaptor.getFalseValue(), "falseValue");
  return spec::where(condition, trueValue, falseValue);
}

spec::Expected<spec::OperandDescriptor> CastOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  auto type = adaptor.getDataTypeAttr();
  if (!type)
    return spec::Error{"data_type", "is required"};
  return spec::cast(input, enumCast<spec::DataType>(type.getValue()));
}
