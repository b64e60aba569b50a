// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the op verifiers.
#include "Verification.h"

namespace mlir::webnn::detail {

FailureOr<webnnc::spec::OperandDescriptor>
readOperand(Operation *op, Value value, StringRef operand) {
  std::optional<webnnc::spec::OperandDescriptor> desc =
      getDescriptor(value.getType());
  if (!desc)
    return op->emitOpError()
           << operand << ": must be a ranked tensor of a WebNN data type";
  if (auto error = webnnc::spec::checkDescriptor(*desc, operand))
    return op->emitOpError() << error->operand << ": " << error->rule;
  return *desc;
}

LogicalResult verifyResult(
    Operation *op,
    const webnnc::spec::Expected<webnnc::spec::OperandDescriptor> &result) {
  if (!result) {
    InFlightDiagnostic diag = op->emitOpError();
    if (!result.error().operand.empty())
      diag << result.error().operand << ": ";
    return diag << result.error().rule;
  }
  Type expected = getTensorType(op->getContext(), *result);
  Type actual = op->getResult(0).getType();
  if (expected != actual)
    return op->emitOpError() << "result: type must be " << expected
                             << " by the spec's output shape rule, got "
                             << actual;
  return success();
}

} // namespace mlir::webnn::detail
