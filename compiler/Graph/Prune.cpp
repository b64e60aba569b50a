// SPDX-License-Identifier: Apache-2.0
// Removing what a graph's outputs do not need.
#include "webnnc/Graph/Prune.h"

#include "llvm/ADT/BitVector.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/RegionUtils.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"

namespace webnnc {

std::vector<std::string> pruneUnreachable(mlir::func::FuncOp func) {
  // Every webnn op is pure, so an op without uses is dead; walking the
  // block backwards erases whole dead chains in one sweep.
  llvm::SmallVector<mlir::Operation *> ops;
  for (mlir::Operation &op : func.getBody().front().without_terminator())
    ops.push_back(&op);
  for (mlir::Operation *op : llvm::reverse(ops))
    if (mlir::isOpTriviallyDead(op))
      op->erase();

  std::vector<std::string> erased;
  llvm::BitVector unused(func.getNumArguments());
  for (mlir::BlockArgument arg : func.getArguments()) {
    if (!arg.use_empty())
      continue;
    unused.set(arg.getArgNumber());
    if (auto name = func.getArgAttrOfType<mlir::StringAttr>(
            arg.getArgNumber(), mlir::webnn::WebNNDialect::kNameAttr))
      erased.push_back(name.getValue().str());
  }
  if (unused.any())
    (void)func.eraseArguments(unused);
  return erased;
}

} // namespace webnnc
