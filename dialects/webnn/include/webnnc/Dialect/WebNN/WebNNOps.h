// SPDX-License-Identifier: Apache-2.0
// The webnn operations, attributes and enums.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNOPS_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNOPS_H_

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "webnnc/Dialect/WebNN/WebNNAttrs.h.inc"

#define GET_OP_CLASSES
#include "webnnc/Dialect/WebNN/WebNNOps.h.inc"

#endif // WEBNNC_DIALECT_WEBNN_WEBNNOPS_H_
