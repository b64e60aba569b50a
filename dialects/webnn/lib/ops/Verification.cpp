// SPDX-License-Identifier: Apache-2.0
// The SpecResult trait's shared steps: verification and inference.
#include "Verification.h"

namespace mlir::webnn::detail {
namespace spec = webnnc::spec;

spec::Expected<spec::OperandDescriptor> operandDescriptor(Value value,
                                                          StringRef operand) {
  std::optional<spec::OperandDescriptor> desc =
      value ? getDescriptor(value.getType()) : std::nullopt;
  if (!desc)
    return spec::Error{operand.str(),
                       "must be a ranked tensor of a WebNN data type"};
  if (auto error = spec::checkDescriptor(*desc, operand))
    return *error;
  return *desc;
}

LogicalResult
appendSpecResult(MLIRContext *context, std::optional<Location> location,
                 StringRef opName,
                 const spec::Expected<spec::OperandDescriptor> &result,
                 SmallVectorImpl<Type> &types) {
  if (!result)
    return emitSpecError(location, opName, result.error());
  types.push_back(getTensorType(context, *result));
  return success();
}

LogicalResult
verifySpecResult(Operation *op,
                 const spec::Expected<spec::OperandDescriptor> &result) {
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
