// SPDX-License-Identifier: Apache-2.0
// Transposes move towards the graph's outputs through ops that do not care
// about the layout, and merge or cancel where they meet.
//
// A transpose moves when an op reads it: op(transpose(x, p)) becomes
// transpose(op'(x), p), where op' is op with its axes renamed by p. The
// transpose that triggers a move must move data (a transpose of a constant
// folds, one that only moves dimensions of size 1 becomes a reshape), so
// nothing moves back and forth.
#include "Patterns.h"
#include "Permutation.h"

namespace webnnc::channels_last {
using namespace mlir;

namespace {

RankedTensorType rankedType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

// |value|'s transpose, if it is one that moves data and may move on.
webnn::TransposeOp movableTranspose(Value value) {
  auto transpose = value.getDefiningOp<webnn::TransposeOp>();
  if (!transpose || transpose.getInput().getDefiningOp<webnn::ConstantOp>())
    return {};
  if (onlyMovesUnitDims(rankedType(transpose.getInput()).getShape(),
                        permutationOf(transpose)))
    return {};
  return transpose;
}

// Replaces |op| by |moved| (|op| rewritten to read untransposed operands,
// its result still to be typed) transposed by |perm|: |moved|'s result is
// |op|'s type transposed back by perm's inverse.
void replaceByMoved(PatternRewriter &rewriter, Operation *op, Operation *moved,
                    ArrayRef<int64_t> perm) {
  rewriter.modifyOpInPlace(moved, [&] {
    moved->getResult(0).setType(
        permuteType(op->getResult(0).getType(), inverse(perm)));
  });
  if (isIdentity(perm))
    rewriter.replaceOp(op, moved->getResult(0));
  else
    rewriter.replaceOp(op, createTranspose(rewriter, op->getLoc(),
                                           moved->getResult(0), perm));
}

// --- Transposes meeting transposes ------------------------------------------

// transpose(transpose(x, p), q) -> transpose(x, p then q), or x.
struct MergeTransposes : OpRewritePattern<webnn::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<webnn::TransposeOp>();
    if (!inner)
      return failure();
    Permutation perm = compose(permutationOf(inner), permutationOf(op));
    if (isIdentity(perm))
      rewriter.replaceOp(op, inner.getInput());
    else
      rewriter.replaceOp(op, createTranspose(rewriter, op.getLoc(),
                                             inner.getInput(), perm));
    return success();
  }
};

struct DropIdentityTranspose : OpRewritePattern<webnn::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    if (!isIdentity(permutationOf(op)))
      return failure();
    rewriter.replaceOp(op, op.getInput());
    return success();
  }
};

// A transpose that moves only dimensions of size 1 moves no data: a
// reshape, which relabels memory and needs no kernel.
struct TransposeAsReshape : OpRewritePattern<webnn::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    Permutation perm = permutationOf(op);
    if (isIdentity(perm) ||
        !onlyMovesUnitDims(rankedType(op.getInput()).getShape(), perm))
      return failure();
    rewriter.replaceOp(op, createReshape(rewriter, op.getLoc(), op.getInput(),
                                         op.getType().getShape()));
    return success();
  }
};

// --- Moving through layout-agnostic ops -------------------------------------

// |shape| aligned to |rank| dimensions (broadcasting adds leading 1s).
SmallVector<int64_t> alignedShape(ArrayRef<int64_t> shape, int64_t rank) {
  SmallVector<int64_t> full(rank - int64_t(shape.size()), 1);
  full.append(shape.begin(), shape.end());
  return full;
}

bool allOnes(ArrayRef<int64_t> shape) {
  return llvm::all_of(shape, [](int64_t d) { return d == 1; });
}

// Whether an operand of an op being moved past a transpose by |perm| can
// be rewritten for the untransposed layout without a data movement of its
// own: it is that transpose, a broadcast scalar (the same in any layout),
// a constant (transposed back at compile time), or a value whose
// transpose only moves dimensions of size 1. |rank| is the op's result
// rank.
bool canFollow(Value operand, ArrayRef<int64_t> perm, int64_t rank) {
  auto transpose = operand.getDefiningOp<webnn::TransposeOp>();
  if (transpose && permutationOf(transpose) == Permutation(perm))
    return true;
  ArrayRef<int64_t> shape = rankedType(operand).getShape();
  return allOnes(shape) || operand.getDefiningOp<webnn::ConstantOp>() ||
         onlyMovesUnitDims(alignedShape(shape, rank), inverse(perm));
}

// An operand that canFollow(), rewritten for the untransposed layout.
Value untransposed(PatternRewriter &rewriter, Location loc, Value operand,
                   ArrayRef<int64_t> perm, int64_t rank) {
  if (auto transpose = operand.getDefiningOp<webnn::TransposeOp>();
      transpose && permutationOf(transpose) == Permutation(perm))
    return transpose.getInput();
  ArrayRef<int64_t> shape = rankedType(operand).getShape();
  if (allOnes(shape))
    return operand;
  SmallVector<int64_t> full = alignedShape(shape, rank);
  Value aligned = full.size() == shape.size()
                      ? operand
                      : createReshape(rewriter, loc, operand, full);
  Permutation inv = inverse(perm);
  if (operand.getDefiningOp<webnn::ConstantOp>())
    return createTranspose(rewriter, loc, aligned, inv); // folds
  return createReshape(rewriter, loc, aligned, permuteShape(full, inv));
}

// The permutation that some operand of |op| (|rank|-D) moves past, with
// the untransposed operands; failure if none can move or another operand
// cannot follow (then nothing is created).
FailureOr<Permutation> untransposeOperands(PatternRewriter &rewriter,
                                           Operation *op, ValueRange operands,
                                           int64_t rank,
                                           SmallVectorImpl<Value> &out) {
  std::optional<Permutation> perm;
  for (Value operand : operands)
    if (webnn::TransposeOp t = movableTranspose(operand);
        t && rankedType(operand).getRank() == rank) {
      perm = permutationOf(t);
      break;
    }
  if (!perm || !llvm::all_of(operands, [&](Value operand) {
        return canFollow(operand, *perm, rank);
      }))
    return failure();
  for (Value operand : operands)
    out.push_back(untransposed(rewriter, op->getLoc(), operand, *perm, rank));
  return *perm;
}

// op(transpose(a, p), transpose(b, p), ...) -> transpose(op(a, b, ...), p)
// for element-wise ops; constant operands are transposed back (and fold).
struct MoveThroughElementwise : RewritePattern {
  MoveThroughElementwise(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa_and_nonnull<webnn::WebNNDialect>(op->getDialect()) ||
        isa<webnn::ConstantOp>(op) || op->getNumResults() != 1 ||
        !webnn::isElementwise(op))
      return failure();
    int64_t rank = rankedType(op->getResult(0)).getRank();
    SmallVector<Value> operands;
    FailureOr<Permutation> perm =
        untransposeOperands(rewriter, op, op->getOperands(), rank, operands);
    if (failed(perm))
      return failure();
    Operation *moved = rewriter.clone(*op);
    rewriter.modifyOpInPlace(moved, [&] { moved->setOperands(operands); });
    replaceByMoved(rewriter, op, moved, *perm);
    return success();
  }
};

// concat(transpose(a, p), transpose(b, p), axis) ->
// transpose(concat(a, b, p[axis]), p).
struct MoveThroughConcat : OpRewritePattern<webnn::ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::ConcatOp op,
                                PatternRewriter &rewriter) const override {
    int64_t rank = op.getType().getRank();
    SmallVector<Value> operands;
    FailureOr<Permutation> perm =
        untransposeOperands(rewriter, op, op.getInputs(), rank, operands);
    if (failed(perm))
      return failure();
    auto moved = cast<webnn::ConcatOp>(rewriter.clone(*op));
    rewriter.modifyOpInPlace(moved, [&] {
      moved->setOperands(operands);
      moved.setAxis((*perm)[op.getAxis()]);
    });
    replaceByMoved(rewriter, op, moved, *perm);
    return success();
  }
};

// resample2d(transpose(x, p), axes) -> transpose(resample2d(x, p[axes]),
// p) when the renamed axes are again two consecutive ascending ones (as
// WebNN requires; scales and sizes keep their order): a channels-last map
// resizes in its own layout (U^2-Net's decoders moved every map to nchw
// and back around each bilinear resize and concat, a fifth of its time).
struct MoveThroughResample2d : OpRewritePattern<webnn::Resample2dOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::Resample2dOp op,
                                PatternRewriter &rewriter) const override {
    webnn::TransposeOp transpose = movableTranspose(op.getInput());
    if (!transpose)
      return failure();
    Permutation perm = permutationOf(transpose);
    SmallVector<int64_t> axes = {2, 3};
    if (std::optional<ArrayRef<int64_t>> given = op.getAxes())
      axes.assign(given->begin(), given->end());
    if (axes.size() != 2 || perm.size() != 4)
      return failure();
    SmallVector<int64_t> movedAxes = {perm[axes[0]], perm[axes[1]]};
    if (movedAxes[1] != movedAxes[0] + 1)
      return failure();
    auto moved = cast<webnn::Resample2dOp>(rewriter.clone(*op));
    rewriter.modifyOpInPlace(moved, [&] {
      moved->setOperand(0, transpose.getInput());
      moved.setAxesAttr(rewriter.getDenseI64ArrayAttr(movedAxes));
    });
    replaceByMoved(rewriter, op, moved, perm);
    return success();
  }
};

// Ops that compute along one axis of their first operand (the others are
// per-axis parameters): the axis follows the permutation.
template <typename Op>
struct MoveThroughAxisOp : OpRewritePattern<Op> {
  using OpRewritePattern<Op>::OpRewritePattern;

  LogicalResult matchAndRewrite(Op op,
                                PatternRewriter &rewriter) const override {
    webnn::TransposeOp transpose = movableTranspose(op->getOperand(0));
    if (!transpose)
      return failure();
    Permutation perm = permutationOf(transpose);
    auto moved = cast<Op>(rewriter.clone(*op.getOperation()));
    rewriter.modifyOpInPlace(moved, [&] {
      moved->setOperand(0, transpose.getInput());
      moved.setAxis(perm[op.getAxis()]);
    });
    replaceByMoved(rewriter, op, moved, perm);
    return success();
  }
};

// reduce(transpose(x, p), axes) -> reduce(x, p[axes]), transposed to the
// order the original result had (by p with kept dimensions; by the order
// of the remaining dimensions without).
template <typename Op>
struct MoveThroughReduction : OpRewritePattern<Op> {
  using OpRewritePattern<Op>::OpRewritePattern;

  LogicalResult matchAndRewrite(Op op,
                                PatternRewriter &rewriter) const override {
    webnn::TransposeOp transpose = movableTranspose(op.getInput());
    if (!transpose)
      return failure();
    Permutation perm = permutationOf(transpose);
    int64_t rank = int64_t(perm.size());
    SmallVector<int64_t> axes;
    if (std::optional<ArrayRef<int64_t>> given = op.getAxes())
      axes.assign(given->begin(), given->end());
    else
      for (int64_t d = 0; d < rank; ++d)
        axes.push_back(d);
    SmallVector<int64_t> movedAxes;
    for (int64_t a : axes)
      movedAxes.push_back(perm[a]);
    llvm::sort(movedAxes);
    auto moved = cast<Op>(rewriter.clone(*op.getOperation()));
    rewriter.modifyOpInPlace(moved, [&] {
      moved->setOperand(0, transpose.getInput());
      moved.setAxesAttr(rewriter.getDenseI64ArrayAttr(movedAxes));
    });
    if (op.getKeepDimensions()) {
      replaceByMoved(rewriter, op, moved, perm);
      return success();
    }
    // The kept input dimensions, in the original result's order and in
    // the moved one's (ascending).
    SmallVector<int64_t> original, ascending;
    for (int64_t d = 0; d < rank; ++d)
      if (!llvm::is_contained(axes, d))
        original.push_back(perm[d]);
    ascending = original;
    llvm::sort(ascending);
    Permutation order;
    for (int64_t d : original)
      order.push_back(llvm::find(ascending, d) - ascending.begin());
    replaceByMoved(rewriter, op, moved, order);
    return success();
  }
};

// matmul(reshape(transpose(x, p), [B, K]), W) with a constant W [K, N] and
// the batch dimension left in place (a channels-last feature map
// flattened for a classifier) -> matmul(reshape(x, [B, K]), W'), W's rows
// permuted the same way (at compile time): the flattened transpose only
// reorders the K products.
template <typename Op>
struct FoldTransposeIntoWeights : OpRewritePattern<Op> {
  using OpRewritePattern<Op>::OpRewritePattern;

  LogicalResult matchAndRewrite(Op op,
                                PatternRewriter &rewriter) const override {
    Value a = op->getOperand(0), b = op->getOperand(1);
    auto flatten = a.getDefiningOp<webnn::ReshapeOp>();
    if (!flatten || rankedType(a).getRank() != 2 || !transposeFree(op))
      return failure();
    webnn::TransposeOp transpose = movableTranspose(flatten.getInput());
    if (!transpose || !b.getDefiningOp<webnn::ConstantOp>() ||
        rankedType(b).getRank() != 2)
      return failure();
    Permutation perm = permutationOf(transpose);
    RankedTensorType xType = rankedType(transpose.getInput());
    ArrayRef<int64_t> xShape = xType.getShape();
    if (perm.empty() || perm[0] != 0 || !xType.hasStaticShape() ||
        rankedType(a).getDimSize(0) != xShape[0])
      return failure();
    // W as [T's dims after the batch..., N], its leading dims permuted to
    // x's order, flattened back.
    int64_t rank = int64_t(perm.size()), n = rankedType(b).getDimSize(1);
    SmallVector<int64_t> transposedDims, order;
    for (int64_t d = 1; d < rank; ++d)
      transposedDims.push_back(xShape[perm[d]]);
    transposedDims.push_back(n);
    Permutation rest;
    for (int64_t d = 1; d < rank; ++d)
      rest.push_back(perm[d] - 1);
    Permutation toX = inverse(rest);
    toX.push_back(rank - 1);
    Location loc = op.getLoc();
    Value weights = createReshape(rewriter, loc, b, transposedDims);
    weights = createTranspose(rewriter, loc, weights, toX);
    weights = createReshape(rewriter, loc, weights, rankedType(b).getShape());
    Value flat = createReshape(rewriter, loc, transpose.getInput(),
                               rankedType(a).getShape());
    rewriter.modifyOpInPlace(op, [&] {
      op->setOperand(0, flat);
      op->setOperand(1, weights);
    });
    return success();
  }

  // gemm reads A and B untransposed only.
  static bool transposeFree(Op op) {
    if constexpr (std::is_same_v<Op, webnn::GemmOp>)
      return !op.getATranspose() && !op.getBTranspose();
    return true;
  }
};

} // namespace

void populateSinkTransposePatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<MergeTransposes, DropIdentityTranspose, TransposeAsReshape,
               MoveThroughElementwise, MoveThroughConcat,
               MoveThroughResample2d,
               MoveThroughAxisOp<webnn::SoftmaxOp>,
               MoveThroughAxisOp<webnn::BatchNormalizationOp>,
               MoveThroughAxisOp<webnn::CumulativeSumOp>,
               MoveThroughReduction<webnn::ReduceL1Op>,
               MoveThroughReduction<webnn::ReduceL2Op>,
               MoveThroughReduction<webnn::ReduceLogSumOp>,
               MoveThroughReduction<webnn::ReduceLogSumExpOp>,
               MoveThroughReduction<webnn::ReduceMaxOp>,
               MoveThroughReduction<webnn::ReduceMeanOp>,
               MoveThroughReduction<webnn::ReduceMinOp>,
               MoveThroughReduction<webnn::ReduceProductOp>,
               MoveThroughReduction<webnn::ReduceSumOp>,
               MoveThroughReduction<webnn::ReduceSumSquareOp>,
               FoldTransposeIntoWeights<webnn::MatmulOp>,
               FoldTransposeIntoWeights<webnn::GemmOp>>(context);
}

} // namespace webnnc::channels_last
