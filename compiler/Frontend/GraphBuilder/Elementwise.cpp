// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: element-wise operations and activations.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

namespace {

template <typename Op>
Operand binary(GraphBuilder::Impl &impl, const GraphBuilder *owner,
               spec::BinaryKind kind, const Operand &a, const Operand &b,
               const OperatorOptions &options) {
  OpCall call(impl, owner, std::string(spec::toString(kind)), options.label);
  if (!call.check("a", a) || !call.check("b", b))
    return call.failed();
  auto result = spec::elementwiseBinary(kind, a.descriptor(), b.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<Op>(*result, {impl.value(a), impl.value(b)});
}

// A single-input op with its options dictionary's attributes.
template <typename Op, typename Options>
Operand unary(GraphBuilder::Impl &impl, const GraphBuilder *owner,
              spec::UnaryKind kind, const Operand &input,
              const Options &options) {
  OpCall call(impl, owner, std::string(spec::toString(kind)), options.label);
  // logicalNot calls its operand "a".
  if (!call.check(kind == spec::UnaryKind::LogicalNot ? "a" : "input", input))
    return call.failed();
  auto result = spec::elementwiseUnary(kind, input.descriptor());
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.options<Op>(options);
  return call.create<Op>(*result, {impl.value(input)}, attrs);
}

} // namespace

#define WEBNNC_BINARY(method, Op, Kind)                                        \
  Operand GraphBuilder::method(const Operand &a, const Operand &b,             \
                               const OperatorOptions &options) {               \
    return binary<webnn::Op>(*impl_, this, spec::BinaryKind::Kind, a, b,       \
                             options);                                         \
  }
WEBNNC_BINARY(add, AddOp, Add)
WEBNNC_BINARY(sub, SubOp, Sub)
WEBNNC_BINARY(mul, MulOp, Mul)
WEBNNC_BINARY(div, DivOp, Div)
WEBNNC_BINARY(max, MaxOp, Max)
WEBNNC_BINARY(min, MinOp, Min)
WEBNNC_BINARY(pow, PowOp, Pow)
WEBNNC_BINARY(equal, EqualOp, Equal)
WEBNNC_BINARY(notEqual, NotEqualOp, NotEqual)
WEBNNC_BINARY(greater, GreaterOp, Greater)
WEBNNC_BINARY(greaterOrEqual, GreaterOrEqualOp, GreaterOrEqual)
WEBNNC_BINARY(lesser, LesserOp, Lesser)
WEBNNC_BINARY(lesserOrEqual, LesserOrEqualOp, LesserOrEqual)
WEBNNC_BINARY(logicalAnd, LogicalAndOp, LogicalAnd)
WEBNNC_BINARY(logicalOr, LogicalOrOp, LogicalOr)
WEBNNC_BINARY(logicalXor, LogicalXorOp, LogicalXor)
#undef WEBNNC_BINARY

#define WEBNNC_UNARY_METHOD(method, Kind, types, result, Options)              \
  Operand GraphBuilder::method(const Operand &input, const Options &options) { \
    return unary<webnn::Kind##Op>(*impl_, this, spec::UnaryKind::Kind, input,  \
                                  options);                                    \
  }
WEBNNC_UNARY_OPS(WEBNNC_UNARY_METHOD)
#undef WEBNNC_UNARY_METHOD

Operand GraphBuilder::clamp(const Operand &input, const ClampOptions &options) {
  OpCall call(*impl_, this, "clamp", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::clamp(input.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.options<webnn::ClampOp>(options);
  return call.create<webnn::ClampOp>(*result, {impl_->value(input)}, attrs);
}

Operand GraphBuilder::prelu(const Operand &input, const Operand &slope,
                            const OperatorOptions &options) {
  OpCall call(*impl_, this, "prelu", options.label);
  if (!call.check("input", input) || !call.check("slope", slope))
    return call.failed();
  auto result = spec::prelu(input.descriptor(), slope.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<webnn::PreluOp>(
      *result, {impl_->value(input), impl_->value(slope)});
}

Operand GraphBuilder::where(const Operand &condition, const Operand &trueValue,
                            const Operand &falseValue,
                            const OperatorOptions &options) {
  OpCall call(*impl_, this, "where", options.label);
  if (!call.check("condition", condition) ||
      !call.check("trueValue", trueValue) ||
      !call.check("falseValue", falseValue))
    return call.failed();
  auto result = spec::where(condition.descriptor(), trueValue.descriptor(),
                            falseValue.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<webnn::WhereOp>(*result, {impl_->value(condition),
                                               impl_->value(trueValue),
                                               impl_->value(falseValue)});
}

Operand GraphBuilder::cast(const Operand &input, DataType type,
                           const OperatorOptions &options) {
  OpCall call(*impl_, this, "cast", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::cast(input.descriptor(), type);
  if (!result)
    return call.fail(result.error());
  AttrList attrs(call.builder());
  attrs.add("data_type", webnn::OperandDataTypeAttr::get(
                             impl_->context.get(),
                             webnn::enumCast<webnn::OperandDataType>(type)));
  return call.create<webnn::CastOp>(*result, {impl_->value(input)}, attrs);
}

} // namespace webnnc
