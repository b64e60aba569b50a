// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: element-wise binary operations and activations.
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
  auto op = Op::create(call.builder(), call.loc(), impl.tensorType(*result),
                       impl.value(a), impl.value(b));
  return call.result(op.getResult(), *result);
}

template <typename Op>
Operand unary(GraphBuilder::Impl &impl, const GraphBuilder *owner,
              spec::UnaryKind kind, const Operand &input,
              const OperatorOptions &options) {
  OpCall call(impl, owner, std::string(spec::toString(kind)), options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::elementwiseUnary(kind, input.descriptor());
  if (!result)
    return call.fail(result.error());
  auto op = Op::create(call.builder(), call.loc(), impl.tensorType(*result),
                       impl.value(input));
  return call.result(op.getResult(), *result);
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
#undef WEBNNC_BINARY

#define WEBNNC_UNARY(method, Op, Kind)                                         \
  Operand GraphBuilder::method(const Operand &input,                           \
                               const OperatorOptions &options) {               \
    return unary<webnn::Op>(*impl_, this, spec::UnaryKind::Kind, input,        \
                            options);                                          \
  }
WEBNNC_UNARY(relu, ReluOp, Relu)
WEBNNC_UNARY(sigmoid, SigmoidOp, Sigmoid)
WEBNNC_UNARY(tanh, TanhOp, Tanh)
#undef WEBNNC_UNARY

Operand GraphBuilder::clamp(const Operand &input,
                            const ClampOptions &options) {
  OpCall call(*impl_, this, "clamp", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::clamp(input.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  Builder &b = call.builder();
  auto op = webnn::ClampOp::create(
      call.builder(), call.loc(), impl_->tensorType(*result),
      impl_->value(input),
      options.minValue ? b.getF64FloatAttr(*options.minValue) : FloatAttr(),
      options.maxValue ? b.getF64FloatAttr(*options.maxValue) : FloatAttr());
  return call.result(op.getResult(), *result);
}

} // namespace webnnc
