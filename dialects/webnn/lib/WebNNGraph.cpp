// SPDX-License-Identifier: Apache-2.0
// Finding a module's graph function, tidying it after a pass, naming its
// ops in messages.
#include "webnnc/Dialect/WebNN/WebNNGraph.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"

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

std::string describeOp(mlir::Operation *op) {
  std::string out = op->getName().stripDialect().str();
  if (auto name = mlir::dyn_cast<mlir::NameLoc>(op->getLoc()))
    out += " '" + name.getName().str() + "'";
  return out;
}

void eraseUnreadConstants(mlir::func::FuncOp graph) {
  auto constants = graph.getBody().front().getOps<mlir::webnn::ConstantOp>();
  llvm::SmallVector<mlir::webnn::ConstantOp> all(constants.begin(),
                                                 constants.end());
  mlir::Operation *scope = graph->getParentOp() ? graph->getParentOp() : graph;
  mlir::webnn::eraseUnreadConstants(all, scope);
}

} // namespace webnnc
