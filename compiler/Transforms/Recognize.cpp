// SPDX-License-Identifier: Apache-2.0
// webnn-recognize: ops that exporters write out as basic ops, recognized
// and rewritten to the op that computes them in one kernel, whatever the
// exporter's spelling. What fusion already computes in one kernel
// (element-wise spellings of GELU, SiLU, hard-swish) is left alone; what
// it cannot (a normalization's two reductions and the broadcasts between
// them) is rewritten here.
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNRECOGNIZEPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

// The value of a splat float constant (of any shape that broadcasts to a
// scalar's role: every element the same), or nullopt.
std::optional<double> splatValue(Value v) {
  auto constant = v.getDefiningOp<webnn::ConstantOp>();
  if (!constant || !constant.isSplat())
    return std::nullopt;
  auto dense = cast<DenseElementsAttr>(constant.getValue());
  if (!isa<FloatType>(dense.getElementType()))
    return std::nullopt;
  return dense.getSplatValue<APFloat>().convertToDouble();
}

// |op|'s axes (all dimensions when absent) if it keeps dimensions.
std::optional<SmallVector<int64_t>> keptAxes(webnn::ReduceMeanOp op) {
  if (!op.getKeepDimensions())
    return std::nullopt;
  auto rank = cast<RankedTensorType>(op.getInput().getType()).getRank();
  SmallVector<int64_t> axes;
  if (auto given = op.getAxes())
    for (int64_t a : *given)
      axes.push_back(a < 0 ? a + rank : a);
  else
    for (int64_t a = 0; a < rank; ++a)
      axes.push_back(a);
  llvm::sort(axes);
  return axes;
}

// d * d or pow(d, 2).
bool isSquareOf(Value v, Value d) {
  if (auto mul = v.getDefiningOp<webnn::MulOp>())
    return mul.getA() == d && mul.getB() == d;
  if (auto pow = v.getDefiningOp<webnn::PowOp>())
    return pow.getA() == d && splatValue(pow.getB()) == 2.0;
  return false;
}

// (x - mean(x)) / sqrt(mean((x - mean(x))^2) + eps), and its spellings
// with a multiplication by the reciprocal of the square root, the epsilon
// added on either side, the square as a product or a power: layer
// normalization over the mean's axes without scale or bias. (The scale
// and bias exporters add after it stay element-wise ops, which fusion
// puts in the normalization's kernel.) Instance and group normalization
// written out are this too, over the spatial axes or a grouped reshape.
struct NormalizationPattern : RewritePattern {
  explicit NormalizationPattern(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *root,
                                PatternRewriter &rewriter) const override {
    Value centered, denominator;
    bool reciprocalForm = false;
    if (auto div = dyn_cast<webnn::DivOp>(root)) {
      centered = div.getA();
      denominator = div.getB();
    } else if (auto mul = dyn_cast<webnn::MulOp>(root)) {
      // d * reciprocal(sqrt(...)), either operand order.
      for (auto [a, b] : {std::pair(mul.getA(), mul.getB()),
                          std::pair(mul.getB(), mul.getA())})
        if (auto r = b.getDefiningOp<webnn::ReciprocalOp>()) {
          centered = a;
          denominator = r.getInput();
          reciprocalForm = true;
          break;
        }
      if (!reciprocalForm)
        return failure();
    } else {
      return failure();
    }
    auto sub = centered.getDefiningOp<webnn::SubOp>();
    auto sqrt = denominator.getDefiningOp<webnn::SqrtOp>();
    if (!sub || !sqrt)
      return failure();
    auto mean = sub.getB().getDefiningOp<webnn::ReduceMeanOp>();
    if (!mean || mean.getInput() != sub.getA())
      return failure();
    auto add = sqrt.getInput().getDefiningOp<webnn::AddOp>();
    if (!add)
      return failure();
    Value variance = add.getA();
    std::optional<double> epsilon = splatValue(add.getB());
    if (!epsilon) {
      variance = add.getB();
      epsilon = splatValue(add.getA());
    }
    auto varianceMean = variance.getDefiningOp<webnn::ReduceMeanOp>();
    if (!epsilon || *epsilon < 0 || !varianceMean ||
        !isSquareOf(varianceMean.getInput(), centered))
      return failure();
    auto axes = keptAxes(mean);
    if (!axes || keptAxes(varianceMean) != axes)
      return failure();
    // The epsilon must broadcast without changing the result's shape.
    if (add.getType() != variance.getType())
      return failure();
    Value x = sub.getA();
    if (x.getType() != root->getResult(0).getType())
      return failure();
    auto normalized = webnn::LayerNormalizationOp::create(
        rewriter, root->getLoc(), root->getResult(0).getType(), x,
        /*scale=*/Value(), /*bias=*/Value(),
        rewriter.getDenseI64ArrayAttr(*axes),
        rewriter.getF64FloatAttr(*epsilon));
    rewriter.replaceOp(root, normalized.getResult());
    return success();
  }
};

struct Recognize : impl::WebNNRecognizePassBase<Recognize> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<NormalizationPattern>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
