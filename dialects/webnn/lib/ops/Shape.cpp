// SPDX-License-Identifier: Apache-2.0
// The spec results of constant, reshape, transpose and softmax.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

LogicalResult ConstantOp::verify() {
  std::optional<spec::OperandDescriptor> desc =
      getDescriptor(getValue().getType());
  if (!desc)
    return emitOpError("value: must be a tensor of a WebNN data type");
  if (auto error = spec::checkDescriptor(*desc, "value"))
    return emitOpError() << error->operand << ": " << error->rule;
  return success();
}

spec::Expected<spec::OperandDescriptor> ReshapeOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  ArrayRef<int64_t> newShape = adaptor.getNewShape();
  return spec::reshape(input, spec::Shape(newShape.begin(), newShape.end()));
}

spec::Expected<spec::OperandDescriptor>
TransposeOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::transpose(input, transposeOptions(adaptor));
}

spec::Expected<spec::OperandDescriptor> SoftmaxOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::softmax(input, int64_t(adaptor.getAxis()));
}
