// SPDX-License-Identifier: Apache-2.0
// Finding a module's graph function, and tidying it after a pass.
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {

mlir::func::FuncOp getGraphFunction(mlir::ModuleOp module) {
  mlir::func::FuncOp graph;
  for (auto func : module.getOps<mlir::func::FuncOp>()) {
    if (func.isPrivate() || func->hasAttr(kKernelAttr))
      continue;
    if (graph)
      return {}; // ambiguous
    graph = func;
  }
  return graph;
}

mlir::FailureOr<mlir::func::FuncOp>
requireGraphFunction(mlir::ModuleOp module) {
  if (mlir::func::FuncOp graph = getGraphFunction(module))
    return graph;
  return module.emitError("expected exactly one public graph function");
}

void eraseUnreadConstants(mlir::func::FuncOp graph) {
  std::vector<mlir::DenseResourceElementsHandle> erased;
  for (mlir::Operation &op :
       llvm::make_early_inc_range(graph.getBody().front())) {
    auto constant = mlir::dyn_cast<mlir::webnn::ConstantOp>(op);
    if (!constant || !op.use_empty())
      continue;
    if (auto resource = mlir::dyn_cast<mlir::DenseResourceElementsAttr>(
            constant.getValue()))
      erased.push_back(resource.getRawHandle());
    op.erase();
  }
  mlir::Operation *scope = graph->getParentOp() ? graph->getParentOp() : graph;
  mlir::webnn::releaseUnheldConstantData(scope, erased);
}

} // namespace webnnc
