// SPDX-License-Identifier: Apache-2.0
// The webnn dialect.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNDIALECT_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNDIALECT_H_

#include "mlir/IR/Dialect.h"

#include "webnnc/Dialect/WebNN/WebNNDialect.h.inc"

#endif // WEBNNC_DIALECT_WEBNN_WEBNNDIALECT_H_
