// SPDX-License-Identifier: Apache-2.0
// Conversions out of the webnn dialect.
#ifndef WEBNNC_CONVERSION_PASSES_H_
#define WEBNNC_CONVERSION_PASSES_H_

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace webnnc {

#define GEN_PASS_DECL
#include "webnnc/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "webnnc/Conversion/Passes.h.inc"

} // namespace webnnc

#endif // WEBNNC_CONVERSION_PASSES_H_
