// SPDX-License-Identifier: Apache-2.0
// webnn-fold-constants: compute ops whose operands are all constants at
// compile time, with the reference evaluator's semantics.
#include <cstring>

#include "GraphPass.h"
#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Reference/Evaluator.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNFOLDCONSTANTSPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

int64_t elementsOf(Type type) {
  return cast<RankedTensorType>(type).getNumElements();
}

// Elements an operand occupies in the graph: a splat constant stores one.
int64_t storedElements(Value v) {
  if (auto constant = v.getDefiningOp<webnn::ConstantOp>();
      constant && constant.isSplat())
    return 1;
  return elementsOf(v.getType());
}

// Whether folding |op| keeps the weights from growing much: results may be
// as large as the operands store together, or small in any case (expand or
// tile of a weight would otherwise store every copy). Folding expands a
// splat operand on the host, so large splats (a hostile [65536, 32768]
// fill) never fold: no host allocation the graph's size does not show.
bool worthFolding(Operation *op, int64_t maxElements) {
  int64_t stored = 0, out = 0;
  for (Value v : op->getOperands()) {
    int64_t elements = storedElements(v);
    if (elements == 1 && elementsOf(v.getType()) > maxElements)
      return false;
    stored += elements;
  }
  for (Value v : op->getResults())
    out += elementsOf(v.getType());
  return out <= std::max(stored, maxElements);
}

bool isFoldable(Operation &op) {
  if (isa<webnn::ConstantOp, webnn::FusedOp, webnn::PackedMatmulOp,
          webnn::PackedInt4MatmulOp,
          webnn::PackedConv2dOp, webnn::WinogradConv2dOp,
          webnn::QuantizedConv2dOp>(op) ||
      op.getDialect() == nullptr ||
      op.getDialect()->getNamespace() != "webnn" || op.getNumOperands() == 0)
    return false;
  for (Value v : op.getOperands())
    if (!v.getDefiningOp<webnn::ConstantOp>())
      return false;
  // A result sized at compute (expand or slice of a constant to sizes
  // given as expressions) is computed then.
  for (Value v : op.getResults())
    if (!cast<RankedTensorType>(v.getType()).hasStaticShape())
      return false;
  // Graph outputs stay computed by an operation.
  for (Operation *user : op.getUsers())
    if (isa<func::ReturnOp>(user))
      return false;
  return true;
}

struct FoldConstants : GraphPass<FoldConstants, impl::WebNNFoldConstantsPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    for (Operation &op :
         llvm::make_early_inc_range(graph.getBody().front())) {
      if (!isFoldable(op) || !worthFolding(&op, maxElements))
        continue;
      std::vector<HostTensor> operands;
      for (Value v : op.getOperands()) {
        auto value = reference::constantValue(v.getDefiningOp());
        if (!value) {
          op.emitError() << "cannot read a constant operand: " << value.error();
          return signalPassFailure();
        }
        operands.push_back(std::move(*value));
      }
      auto results = reference::evaluateOperation(&op, operands);
      if (!results) // e.g. an op the evaluator lacks: leave it to a kernel
        continue;
      OpBuilder builder(&op);
      for (auto [result, value] : llvm::zip(op.getResults(), *results)) {
        ArrayRef<char> bytes(reinterpret_cast<const char *>(value.data()),
                             value.byteSize());
        auto constant = webnn::createConstant(
            builder, op.getLoc(), cast<RankedTensorType>(result.getType()),
            bytes);
        result.replaceAllUsesWith(constant.getResult());
      }
      op.erase();
    }
    // Constants only the folded ops read.
    eraseUnreadConstants(graph);
  }
};

} // namespace
} // namespace webnnc
