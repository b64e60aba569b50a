// SPDX-License-Identifier: Apache-2.0
// The optimized graph as Graphviz dot, for `webnnc --emit=dot`.
#ifndef WEBNNC_CODEGEN_EMITDOT_H_
#define WEBNNC_CODEGEN_EMITDOT_H_

#include <string>

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace webnnc {

// Draws |graph| after kernel outlining: each kernel call is a cluster of
// the ops its kernel computes (fused ops together), graph inputs, outputs
// and weights are nodes of their own, and every edge carries its tensor's
// shape and type.
std::string emitDot(mlir::func::FuncOp graph);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_EMITDOT_H_
