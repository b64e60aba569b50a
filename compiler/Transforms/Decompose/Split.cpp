// SPDX-License-Identifier: Apache-2.0
// split -> one slice per part.
#include "OpEmitter.h"
#include "Patterns.h"

namespace webnnc::decompose {
using namespace mlir;

namespace {

struct DecomposeSplit : OpRewritePattern<webnn::SplitOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::SplitOp op,
                                PatternRewriter &rewriter) const override {
    OpEmitter emit(rewriter, op.getLoc());
    auto type = cast<RankedTensorType>(op.getInput().getType());
    int64_t axis = op.getAxis();
    SmallVector<Value> parts;
    int64_t start = 0;
    for (int64_t size : op.getSplits()) {
      SmallVector<int64_t> starts(type.getRank(), 0), sizes(type.getShape());
      starts[axis] = start;
      sizes[axis] = size;
      parts.push_back(emit.slice(op.getInput(), starts, sizes));
      start += size;
    }
    rewriter.replaceOp(op, parts);
    return success();
  }
};

} // namespace

void populateSplitPatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeSplit>(patterns.getContext());
}

} // namespace webnnc::decompose
