// SPDX-License-Identifier: Apache-2.0
// Helpers for the ops' specResult() functions (private to the dialect).
#ifndef WEBNNC_DIALECT_WEBNN_LIB_OPS_VERIFICATION_H_
#define WEBNNC_DIALECT_WEBNN_LIB_OPS_VERIFICATION_H_

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"

// Binds the descriptor of operand |value| (named |name| in errors) to
// |var|, or returns the error from the enclosing specResult().
#define WEBNN_OPERAND(var, value, name)                                        \
  auto var##OrError = ::mlir::webnn::detail::operandDescriptor(value, name);   \
  if (!var##OrError)                                                           \
    return var##OrError.error();                                               \
  const ::webnnc::spec::OperandDescriptor &var = *var##OrError

// Returns the error from the enclosing specResult() if optional operand
// |value| is present but not a valid WebNN operand.
#define WEBNN_OPTIONAL_OPERAND(value, name)                                    \
  if (::mlir::Value webnn_optional_ = (value)) {                               \
    auto webnn_desc_ =                                                         \
        ::mlir::webnn::detail::operandDescriptor(webnn_optional_, name);       \
    if (!webnn_desc_)                                                          \
      return webnn_desc_.error();                                              \
  }

#endif // WEBNNC_DIALECT_WEBNN_LIB_OPS_VERIFICATION_H_
