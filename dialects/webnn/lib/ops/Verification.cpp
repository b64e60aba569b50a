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
  if (auto error = spec::checkDescriptor(*desc, operand, /*allowOpen=*/true))
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

LogicalResult appendSpecResults(
    MLIRContext *context, std::optional<Location> location, StringRef opName,
    const spec::Expected<std::vector<spec::OperandDescriptor>> &results,
    SmallVectorImpl<Type> &types) {
  if (!results)
    return emitSpecError(location, opName, results.error());
  for (const spec::OperandDescriptor &desc : *results)
    types.push_back(getTensorType(context, desc));
  return success();
}

LogicalResult verifySpecResults(
    Operation *op,
    const spec::Expected<std::vector<spec::OperandDescriptor>> &results) {
  if (!results) {
    InFlightDiagnostic diag = op->emitOpError();
    if (!results.error().operand.empty())
      diag << results.error().operand << ": ";
    return diag << results.error().rule;
  }
  if (results->size() != op->getNumResults())
    return op->emitOpError() << "must have " << results->size()
                             << " results by the spec, got "
                             << op->getNumResults();
  for (auto [i, desc] : llvm::enumerate(*results)) {
    Type expected = getTensorType(op->getContext(), desc);
    Type actual = op->getResult(i).getType();
    if (expected != actual)
      return op->emitOpError()
             << "result " << i << ": type must be " << expected
             << " by the spec's output shape rule, got " << actual;
  }
  return success();
}

} // namespace mlir::webnn::detail
