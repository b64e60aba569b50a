// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: reshape, transpose and softmax.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Operand GraphBuilder::reshape(const Operand &input, const Shape &newShape,
                              const OperatorOptions &options) {
  OpCall call(*impl_, this, "reshape", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::reshape(input.descriptor(), newShape);
  if (!result)
    return call.fail(result.error());
  auto op = webnn::ReshapeOp::create(
      call.builder(), call.loc(), impl_->tensorType(*result),
      impl_->value(input), call.builder().getDenseI64ArrayAttr(newShape));
  return call.result(op.getResult(), *result);
}

Operand GraphBuilder::transpose(const Operand &input,
                                const TransposeOptions &options) {
  OpCall call(*impl_, this, "transpose", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::transpose(input.descriptor(), options);
  if (!result)
    return call.fail(result.error());
  auto op = webnn::TransposeOp::create(
      call.builder(), call.loc(), impl_->tensorType(*result),
      impl_->value(input), impl_->optionalArray(options.permutation));
  return call.result(op.getResult(), *result);
}

Operand GraphBuilder::softmax(const Operand &input, uint32_t axis,
                              const OperatorOptions &options) {
  OpCall call(*impl_, this, "softmax", options.label);
  if (!call.check("input", input))
    return call.failed();
  auto result = spec::softmax(input.descriptor(), axis);
  if (!result)
    return call.fail(result.error());
  auto op = webnn::SoftmaxOp::create(
      call.builder(), call.loc(), impl_->tensorType(*result),
      impl_->value(input), call.builder().getI64IntegerAttr(axis));
  return call.result(op.getResult(), *result);
}

} // namespace webnnc
