// SPDX-License-Identifier: Apache-2.0
// webnn-sink-reshapes: element-wise ops move above the reshapes they read,
// so that they can join the kernel computing the reshape's input.
//
//   add(reshape(x : [1, 1, 128, 1024]) : [1, 128, 1024], bias : [1024])
//     -> reshape(add(x, bias) : [1, 1, 128, 1024]) : [1, 128, 1024]
//
// Broadcasting aligns shapes at their last dimension, so an operand that
// varies only along the trailing dimensions the reshape keeps (equal in
// the input and the result) meets the same elements either side of it.
#include "GraphPass.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNSINKRESHAPESPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<RankedTensorType>(v.getType()).getShape();
}

// The dimensions of |shape| from its first one above 1 to the end.
ArrayRef<int64_t> significantSuffix(ArrayRef<int64_t> shape) {
  while (!shape.empty() && shape.front() == 1)
    shape = shape.drop_front();
  return shape;
}

// Whether |operand| broadcasts to the same elements against |from| (the
// reshape's input shape) as against |to| (its result shape).
bool keptByReshape(Value operand, ArrayRef<int64_t> from,
                   ArrayRef<int64_t> to) {
  auto type = cast<RankedTensorType>(operand.getType());
  if (!type.hasStaticShape())
    return false;
  ArrayRef<int64_t> suffix = significantSuffix(type.getShape());
  return suffix.size() <= from.size() && suffix.size() <= to.size() &&
         from.take_back(suffix.size()) == to.take_back(suffix.size());
}

struct SinkReshape : RewritePattern {
  SinkReshape(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!webnn::isElementwise(op) || op->getNumResults() != 1 ||
        op->getNumOperands() == 0)
      return failure();
    auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    if (!resultType || !resultType.hasStaticShape())
      return failure();
    // The reshape: read at the result's full shape.
    webnn::ReshapeOp reshape;
    for (Value operand : op->getOperands())
      if (auto r = operand.getDefiningOp<webnn::ReshapeOp>())
        if (r.getType().hasStaticShape() &&
            r.getInput().getType().hasStaticShape() &&
            r.getType().getShape() == resultType.getShape()) {
          reshape = r;
          break;
        }
    if (!reshape)
      return failure();
    ArrayRef<int64_t> from = shapeOf(reshape.getInput());
    ArrayRef<int64_t> to = resultType.getShape();
    SmallVector<Value> operands;
    for (Value operand : op->getOperands()) {
      if (operand == reshape.getResult()) {
        operands.push_back(reshape.getInput());
        continue;
      }
      if (!keptByReshape(operand, from, to))
        return failure();
      // Rank above the input's: only its leading ones go (broadcasting
      // would otherwise add them to the result).
      if (shapeOf(operand).size() > from.size()) {
        ArrayRef<int64_t> suffix = significantSuffix(shapeOf(operand));
        operand = webnn::ReshapeOp::create(
            rewriter, op->getLoc(),
            cast<RankedTensorType>(operand.getType()).clone(suffix), operand,
            rewriter.getDenseI64ArrayAttr(suffix), /*open_sizes=*/ArrayAttr());
      }
      operands.push_back(operand);
    }
    Operation *moved = rewriter.clone(*op);
    rewriter.modifyOpInPlace(moved, [&] {
      moved->setOperands(operands);
      moved->getResult(0).setType(resultType.clone(from));
    });
    rewriter.replaceOpWithNewOp<webnn::ReshapeOp>(
        op, resultType, moved->getResult(0), rewriter.getDenseI64ArrayAttr(to),
        /*open_sizes=*/ArrayAttr());
    return success();
  }
};

struct SinkReshapes : GraphPass<SinkReshapes, impl::WebNNSinkReshapesPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    RewritePatternSet patterns(&getContext());
    patterns.add<SinkReshape>(&getContext());
    if (failed(applyPatternsGreedily(graph, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
