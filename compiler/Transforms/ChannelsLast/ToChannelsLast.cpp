// SPDX-License-Identifier: Apache-2.0
// nchw conv2d and pooling -> their nhwc forms between transposes.
#include "Patterns.h"
#include "Permutation.h"

namespace webnnc::channels_last {
using namespace mlir;

namespace {

bool isNchw4d(Value input, webnn::InputOperandLayout layout) {
  return layout == webnn::InputOperandLayout::nchw &&
         cast<RankedTensorType>(input.getType()).getRank() == 4;
}

// Clones |op| reading |input| (nhwc) as operand 0, its result nhwc, and
// replaces |op| by the clone's result transposed back to nchw. |setNhwc|
// switches the clone's layout attribute.
template <typename Op, typename SetNhwc>
void replaceWithNhwc(PatternRewriter &rewriter, Op op, SetNhwc setNhwc) {
  Location loc = op.getLoc();
  Value input = createTranspose(rewriter, loc, op->getOperand(0), kToNhwc);
  auto nhwc = cast<Op>(rewriter.clone(*op.getOperation()));
  nhwc->setOperand(0, input);
  setNhwc(nhwc);
  nhwc->getResult(0).setType(permuteType(op.getType(), kToNhwc));
  rewriter.replaceOp(op, createTranspose(rewriter, loc, nhwc->getResult(0),
                                         kToNchw));
}

struct Conv2dToNhwc : OpRewritePattern<webnn::Conv2dOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::Conv2dOp op,
                                PatternRewriter &rewriter) const override {
    if (!isNchw4d(op.getInput(), op.getInputLayout()))
      return failure();
    replaceWithNhwc(rewriter, op, [](webnn::Conv2dOp conv) {
      conv.setInputLayout(webnn::InputOperandLayout::nhwc);
    });
    return success();
  }
};

template <typename Pool>
struct Pool2dToNhwc : OpRewritePattern<Pool> {
  using OpRewritePattern<Pool>::OpRewritePattern;

  LogicalResult matchAndRewrite(Pool op,
                                PatternRewriter &rewriter) const override {
    if (!isNchw4d(op.getInput(), op.getLayout()))
      return failure();
    replaceWithNhwc(rewriter, op, [](Pool pool) {
      pool.setLayout(webnn::InputOperandLayout::nhwc);
    });
    return success();
  }
};

} // namespace

void populateToChannelsLastPatterns(RewritePatternSet &patterns) {
  patterns.add<Conv2dToNhwc, Pool2dToNhwc<webnn::AveragePool2dOp>,
               Pool2dToNhwc<webnn::L2Pool2dOp>,
               Pool2dToNhwc<webnn::MaxPool2dOp>>(patterns.getContext());
}

} // namespace webnnc::channels_last
