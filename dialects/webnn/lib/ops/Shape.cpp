// SPDX-License-Identifier: Apache-2.0
// Verifiers of constant, reshape, transpose and softmax.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
using namespace mlir::webnn::detail;
namespace spec = webnnc::spec;

LogicalResult ConstantOp::verify() {
  std::optional<spec::OperandDescriptor> desc =
      getDescriptor(getValue().getType());
  if (!desc)
    return emitOpError() << "value: must be a tensor of a WebNN data type";
  if (auto error = spec::checkDescriptor(*desc, "value"))
    return emitOpError() << error->operand << ": " << error->rule;
  return verifyResult(*this, *desc);
}

LogicalResult ReshapeOp::verify() {
  auto input = readOperand(*this, getInput(), "input");
  if (failed(input))
    return failure();
  ArrayRef<int64_t> newShape = getNewShape();
  return verifyResult(*this, spec::reshape(*input, spec::Shape(newShape.begin(),
                                                               newShape.end())));
}

LogicalResult TransposeOp::verify() {
  auto input = readOperand(*this, getInput(), "input");
  if (failed(input))
    return failure();
  return verifyResult(*this, spec::transpose(*input, transposeOptions(*this)));
}

LogicalResult SoftmaxOp::verify() {
  auto input = readOperand(*this, getInput(), "input");
  if (failed(input))
    return failure();
  return verifyResult(*this, spec::softmax(*input, int64_t(getAxis())));
}
