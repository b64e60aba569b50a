// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the op verifiers (private to the dialect).
#ifndef WEBNNC_DIALECT_WEBNN_LIB_OPS_VERIFICATION_H_
#define WEBNNC_DIALECT_WEBNN_LIB_OPS_VERIFICATION_H_

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

namespace mlir::webnn::detail {

/// The descriptor of |value|, the operand named |operand| of |op|; emits an
/// error on |op| if it is not a valid WebNN operand.
FailureOr<webnnc::spec::OperandDescriptor>
readOperand(Operation *op, Value value, StringRef operand);

/// Emits |result|'s error on |op|, or checks that |op|'s single result has
/// the type of |result|'s descriptor.
LogicalResult verifyResult(
    Operation *op,
    const webnnc::spec::Expected<webnnc::spec::OperandDescriptor> &result);

} // namespace mlir::webnn::detail

#endif // WEBNNC_DIALECT_WEBNN_LIB_OPS_VERIFICATION_H_
