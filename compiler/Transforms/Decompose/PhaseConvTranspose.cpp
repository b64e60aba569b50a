// SPDX-License-Identifier: Apache-2.0
// webnn-phase-conv-transpose: a strided convTranspose2d as one channels-
// last conv2d over its stride phases, whose output channels a reshape and
// a transpose interleave into the output (the sub-pixel form).
//
// Along one axis (stride s, filter K, input I), output element o sits at
// o' = o + beginPadding of the uncropped result, and o' = q * s + r
// receives input q - j through tap r + j * s, j = 0, 1, ... So phase r is a
// correlation of the input, padded by K0 - 1 in front (K0 = ceil(K / s)),
// with the phase's taps reversed; a tap past the filter is zero. Every
// phase has K0 taps and Q outputs, so all s^2 phases (times the groups) are
// the output channels of one conv2d, which the fast conv kernels compute
// without the gather form's s^2 wasted multiplies.
#include "OpEmitter.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Reference/Evaluator.h"
#include "webnnc/Spec/ConvOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNPHASECONVTRANSPOSEPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

struct PhaseConvTranspose : OpRewritePattern<webnn::ConvTranspose2dOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(webnn::ConvTranspose2dOp op,
                                PatternRewriter &rewriter) const override {
    spec::ConvTranspose2dOptions options = webnn::optionsOf<spec::ConvTranspose2dOptions>(op);
    auto inputType = cast<RankedTensorType>(op.getInput().getType());
    auto outputType = cast<RankedTensorType>(op.getType());
    auto filterConstant = op.getFilter().getDefiningOp<webnn::ConstantOp>();
    Value bias = op.getBias();
    auto biasConstant =
        bias ? bias.getDefiningOp<webnn::ConstantOp>() : webnn::ConstantOp();
    // The form ONNX and the frontend's defaults give, with constant
    // weights and static sizes off the batch.
    if (options.inputLayout != spec::InputOperandLayout::Nchw ||
        options.filterLayout != spec::ConvTranspose2dFilterOperandLayout::Iohw ||
        !filterConstant || (bias && !biasConstant))
      return failure();
    for (int d = 1; d < 4; ++d)
      if (inputType.isDynamicDim(d) || outputType.isDynamicDim(d))
        return failure();
    auto geometry = spec::resolveConvTranspose2d(
        *webnn::getDescriptor(inputType),
        *webnn::getDescriptor(op.getFilter().getType()), options);
    if (!geometry || geometry->dilations[0] != 1 ||
        geometry->dilations[1] != 1)
      return failure();
    const spec::Conv2dGeometry &g = *geometry;
    auto filter = reference::constantValue(filterConstant);
    if (!filter)
      return failure();
    std::optional<HostTensor> biasValue;
    if (bias) {
      auto value = reference::constantValue(biasConstant);
      if (!value)
        return failure();
      biasValue = std::move(*value);
    }

    int64_t groups = g.groups, inPerGroup = g.inputChannels / groups;
    int64_t outPerGroup = g.outputChannels / groups;
    int64_t sh = g.strides[0], sw = g.strides[1];
    int64_t kh = g.filterHeight, kw = g.filterWidth;
    int64_t th = ceilDiv(kh, sh), tw = ceilDiv(kw, sw); // taps per phase
    int64_t oh = outputType.getDimSize(2), ow = outputType.getDimSize(3);
    int64_t ih = g.inputHeight, iw = g.inputWidth;
    // Outputs per phase: all the filter reaches, and the output's end.
    int64_t qh = std::max(ih - 1 + th, ceilDiv(g.padding[0] + oh, sh));
    int64_t qw = std::max(iw - 1 + tw, ceilDiv(g.padding[2] + ow, sw));
    int64_t phases = sh * sw;
    int64_t channels = groups * phases * outPerGroup;

    // Filter [groups * phases * outPerGroup, inPerGroup, th, tw] (oihw).
    spec::DataType type = filter->dataType();
    HostTensor phased({type, {channels, inPerGroup, th, tw}});
    for (int64_t gi = 0; gi < groups; ++gi)
      for (int64_t rh = 0; rh < sh; ++rh)
        for (int64_t rw = 0; rw < sw; ++rw)
          for (int64_t o = 0; o < outPerGroup; ++o)
            for (int64_t i = 0; i < inPerGroup; ++i)
              for (int64_t y = 0; y < th; ++y)
                for (int64_t x = 0; x < tw; ++x) {
                  int64_t fy = rh + (th - 1 - y) * sh;
                  int64_t fx = rw + (tw - 1 - x) * sw;
                  if (fy >= kh || fx >= kw)
                    continue; // zero
                  int64_t from =
                      (((gi * inPerGroup + i) * outPerGroup + o) * kh + fy) *
                          kw + fx;
                  int64_t channel = ((gi * sh + rh) * sw + rw) * outPerGroup + o;
                  int64_t to = ((channel * inPerGroup + i) * th + y) * tw + x;
                  phased.set(size_t(to), filter->at(size_t(from)));
                }
    Type element = outputType.getElementType();
    auto constant = [&](const HostTensor &t) -> Value {
      ArrayRef<char> bytes(reinterpret_cast<const char *>(t.data()),
                           t.byteSize());
      auto tensorType = RankedTensorType::get(
          SmallVector<int64_t>(t.shape().begin(), t.shape().end()), element);
      return webnn::createConstant(rewriter, op.getLoc(), tensorType, bytes);
    };
    SmallVector<Value> operands = {op.getInput(), constant(phased)};
    if (biasValue) {
      HostTensor repeated({type, {channels}});
      for (int64_t c = 0; c < channels; ++c)
        repeated.set(size_t(c),
                     biasValue->at(size_t(c / (phases * outPerGroup) *
                                              outPerGroup +
                                          c % outPerGroup)));
      operands.push_back(constant(repeated));
    }
    auto array = [&](ArrayRef<int64_t> values) {
      return rewriter.getDenseI64ArrayAttr(values);
    };
    // Channels last, so that the phases interleave in blocks of whole
    // channel rows; webnn-channels-last cancels the transposes between
    // neighbouring convs.
    decompose::OpEmitter emit(rewriter, op.getLoc());
    operands[0] = emit.transpose(op.getInput(), {0, 2, 3, 1});
    SmallVector<NamedAttribute> attrs = {
        rewriter.getNamedAttr("padding",
                              array({th - 1, qh - ih, tw - 1, qw - iw})),
        rewriter.getNamedAttr("groups", rewriter.getI64IntegerAttr(groups)),
        rewriter.getNamedAttr(
            "input_layout",
            webnn::InputOperandLayoutAttr::get(
                rewriter.getContext(), webnn::InputOperandLayout::nhwc))};
    Value phasesOut =
        webnn::Conv2dOp::create(rewriter, op.getLoc(), operands, attrs)
            ->getResult(0);

    // [n, qh, qw, groups, sh, sw, o] -> [n, qh, sh, qw, sw, groups, o].
    int64_t n = inputType.getDimSize(0); // may be dynamic
    Value split = emit.reshape(
        phasesOut, {n, qh, qw, groups, sh, sw, outPerGroup});
    Value interleaved = emit.transpose(split, {0, 1, 4, 2, 5, 3, 6});
    Value full = emit.reshape(interleaved,
                              {n, qh * sh, qw * sw, g.outputChannels});
    if (g.padding[0] != 0 || g.padding[2] != 0 || qh * sh != oh ||
        qw * sw != ow)
      full = emit.slice(full, {0, g.padding[0], g.padding[2], 0},
                        {n, oh, ow, g.outputChannels});
    Value result = emit.transpose(full, {0, 3, 1, 2});
    // [n, oc, oh, ow] by construction: oh and ow are the op's own sizes.
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct PhaseConvTransposePass
    : impl::WebNNPhaseConvTransposePassBase<PhaseConvTransposePass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<PhaseConvTranspose>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
} // namespace webnnc
