// SPDX-License-Identifier: Apache-2.0
// webnnc's passes over the webnn dialect.
#ifndef WEBNNC_TRANSFORMS_PASSES_H_
#define WEBNNC_TRANSFORMS_PASSES_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "webnnc/Dialect/WebNN/WebNNGraph.h"

namespace webnnc {

#define GEN_PASS_DECL
#include "webnnc/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "webnnc/Transforms/Passes.h.inc"

// webnn-quantized-ops that also appends "conv2d 'label': why" to
// |floatRegions| for each quantized region it leaves float (--stats).
std::unique_ptr<mlir::Pass>
createWebNNQuantizedOpsPass(const WebNNQuantizedOpsPassOptions &options,
                            std::vector<std::string> *floatRegions);

} // namespace webnnc

#endif // WEBNNC_TRANSFORMS_PASSES_H_
