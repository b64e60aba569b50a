// SPDX-License-Identifier: Apache-2.0
// webnn-pack-weights: store constant weights in the layout their kernels
// read, once, at compile time.
//
// - conv2d filters become hwio: the output channel is innermost, which is
//   what the kernel's tiles read (a few output channels per step, or a
//   vector of them in nhwc).
// - A constant B of matmul or gemm becomes column panels [N/P, K, P]: a
//   tile of P output columns streams one panel contiguously over K. The op
//   becomes webnn.packed_matmul.
// The packed constants are marked `webnn.packed`; the original constant
// goes away when nothing else reads it, so only the packed copy is stored.
#include <cstring>

#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNPACKWEIGHTSPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

constexpr llvm::StringLiteral kPackedAttr = "webnn.packed";

// A constant's elements, one element repeated if it is a splat.
std::optional<std::vector<char>> bytesOf(webnn::ConstantOp constant) {
  FailureOr<ArrayRef<char>> raw = constant.getRawData();
  if (failed(raw))
    return std::nullopt;
  auto type = cast<RankedTensorType>(constant.getType());
  size_t element = type.getElementTypeBitWidth() / 8;
  size_t count = size_t(type.getNumElements());
  std::vector<char> out(count * element);
  if (constant.isSplat()) {
    for (size_t i = 0; i < count; ++i)
      std::memcpy(out.data() + i * element, raw->data(), element);
  } else if (raw->size() == out.size()) {
    std::memcpy(out.data(), raw->data(), out.size());
  } else {
    return std::nullopt;
  }
  return out;
}

// A packed constant of |type| holding |bytes|, marked as such.
Value packedConstant(OpBuilder &builder, Location loc, RankedTensorType type,
                     const std::vector<char> &bytes) {
  auto constant = webnn::createConstant(builder, loc, type, bytes);
  constant->setAttr(kPackedAttr, builder.getUnitAttr());
  return constant.getResult();
}

// The (o, i, h, w) dimension each of a filter layout's dimensions holds.
std::array<int, 4> filterDims(webnn::Conv2dFilterOperandLayout layout) {
  switch (layout) {
  case webnn::Conv2dFilterOperandLayout::oihw:
    return {0, 1, 2, 3};
  case webnn::Conv2dFilterOperandLayout::hwio:
    return {2, 3, 1, 0};
  case webnn::Conv2dFilterOperandLayout::ohwi:
    return {0, 2, 3, 1};
  case webnn::Conv2dFilterOperandLayout::ihwo:
    return {1, 2, 3, 0};
  }
  return {0, 1, 2, 3};
}

LogicalResult packConvFilter(webnn::Conv2dOp conv) {
  auto layout = conv.getFilterLayout();
  auto constant = conv.getFilter().getDefiningOp<webnn::ConstantOp>();
  if (!constant || layout == webnn::Conv2dFilterOperandLayout::hwio)
    return failure();
  std::optional<std::vector<char>> bytes = bytesOf(constant);
  if (!bytes)
    return failure();
  auto type = cast<RankedTensorType>(constant.getType());
  size_t element = type.getElementTypeBitWidth() / 8;
  // Sizes by role (o, i, h, w), and the source strides of each role.
  std::array<int, 4> roles = filterDims(layout);
  std::array<int64_t, 4> size{}, stride{};
  int64_t s = 1;
  for (int d = 3; d >= 0; --d) {
    size[roles[d]] = type.getDimSize(d);
    stride[roles[d]] = s;
    s *= type.getDimSize(d);
  }
  std::vector<char> packed(bytes->size());
  size_t to = 0;
  for (int64_t h = 0; h < size[2]; ++h)
    for (int64_t w = 0; w < size[3]; ++w)
      for (int64_t i = 0; i < size[1]; ++i)
        for (int64_t o = 0; o < size[0]; ++o, to += element) {
          int64_t from = o * stride[0] + i * stride[1] + h * stride[2] +
                         w * stride[3];
          std::memcpy(packed.data() + to, bytes->data() + from * element,
                      element);
        }
  OpBuilder builder(conv);
  auto hwioType = RankedTensorType::get(
      {size[2], size[3], size[1], size[0]}, type.getElementType());
  Value filter = packedConstant(builder, constant.getLoc(), hwioType, packed);
  conv.getFilterMutable().assign(filter);
  conv.setFilterLayout(webnn::Conv2dFilterOperandLayout::hwio);
  return success();
}

// B [K, N] (or its transpose [N, K]) as panels [ceil(N / P), K, P].
Value packPanels(OpBuilder &builder, webnn::ConstantOp constant,
                 bool transposed, int64_t width) {
  std::optional<std::vector<char>> bytes = bytesOf(constant);
  if (!bytes)
    return {};
  auto type = cast<RankedTensorType>(constant.getType());
  size_t element = type.getElementTypeBitWidth() / 8;
  int64_t k = transposed ? type.getDimSize(1) : type.getDimSize(0);
  int64_t n = transposed ? type.getDimSize(0) : type.getDimSize(1);
  int64_t panels = (n + width - 1) / width;
  std::vector<char> packed(size_t(panels * k * width) * element, 0);
  for (int64_t p = 0; p < panels; ++p)
    for (int64_t kk = 0; kk < k; ++kk)
      for (int64_t c = 0; c < width && p * width + c < n; ++c) {
        int64_t j = p * width + c;
        int64_t from = transposed ? j * k + kk : kk * n + j;
        std::memcpy(packed.data() + ((p * k + kk) * width + c) * element,
                    bytes->data() + from * element, element);
      }
  auto packedType =
      RankedTensorType::get({panels, k, width}, type.getElementType());
  return packedConstant(builder, constant.getLoc(), packedType, packed);
}

LogicalResult packMatmul(Operation *op, int64_t width) {
  Value a, b, c;
  bool aTranspose = false, bTranspose = false;
  FloatAttr alpha, beta;
  if (auto matmul = dyn_cast<webnn::MatmulOp>(op)) {
    a = matmul.getA(), b = matmul.getB();
  } else if (auto gemm = dyn_cast<webnn::GemmOp>(op)) {
    a = gemm.getA(), b = gemm.getB(), c = gemm.getC();
    aTranspose = gemm.getATranspose(), bTranspose = gemm.getBTranspose();
    alpha = gemm.getAlphaAttr(), beta = gemm.getBetaAttr();
  } else {
    return failure();
  }
  auto constant = b.getDefiningOp<webnn::ConstantOp>();
  if (!constant || cast<RankedTensorType>(b.getType()).getRank() != 2)
    return failure();
  OpBuilder builder(op);
  Value packed = packPanels(builder, constant, bTranspose, width);
  if (!packed)
    return failure();
  int64_t n = cast<RankedTensorType>(op->getResult(0).getType()).getShape().back();
  auto replacement = webnn::PackedMatmulOp::create(
      builder, op->getLoc(), op->getResult(0).getType(), a, packed, c,
      builder.getI64IntegerAttr(n), alpha, beta,
      aTranspose ? builder.getBoolAttr(true) : BoolAttr());
  op->getResult(0).replaceAllUsesWith(replacement.getResult());
  op->erase();
  return success();
}

struct PackWeights : impl::WebNNPackWeightsPassBase<PackWeights> {
  using Base::Base;

  void runOnOperation() override {
    FailureOr<func::FuncOp> graph = requireGraphFunction(getOperation());
    if (failed(graph))
      return signalPassFailure();
    if (panelWidth < 1) {
      getOperation().emitError("webnn-pack-weights: panel-width must be "
                               "positive");
      return signalPassFailure();
    }
    for (Operation &op :
         llvm::make_early_inc_range(graph->getBody().front())) {
      if (auto conv = dyn_cast<webnn::Conv2dOp>(op))
        (void)packConvFilter(conv);
      else
        (void)packMatmul(&op, panelWidth);
    }
    // The unpacked weights, unless something else still reads them.
    eraseUnreadConstants(*graph);
  }
};

} // namespace
} // namespace webnnc
