// SPDX-License-Identifier: Apache-2.0
// webnn-pack-weights: store constant weights in the layout their kernels
// read, once, at compile time.
//
// - A channels-last conv2d with one group becomes webnn.packed_conv2d: its
//   filter in panels [O/P][h][w][i][P], P output channels being the width
//   of the kernel's register tile, so a tile streams its panel in order.
// - Other conv2d filters become hwio: the output channel is innermost,
//   which is what the kernel's tiles read (a few output channels per step,
//   or a vector of them in nhwc).
// - A constant B of matmul or gemm becomes column panels [N/P, K, P]: a
//   tile of P output columns streams one panel contiguously over K. The op
//   becomes webnn.packed_matmul.
// The packed constants are marked `webnn.packed`; the original constant
// goes away when nothing else reads it, so only the packed copy is stored.
#include <cstring>

#include "GraphPass.h"
#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/KernelSpec/ConvTiles.h"
#include "webnnc/KernelSpec/Winograd.h"
#include "webnnc/Transforms/Passes.h"
#include "llvm/ADT/SetVector.h"

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

// The (o, i, h, w) role of each of a filter layout's dimensions.
std::array<int, 4> filterDims(webnn::Conv2dFilterOperandLayout layout) {
  spec::FilterAxes axes =
      spec::filterAxes(static_cast<spec::Conv2dFilterOperandLayout>(layout));
  std::array<int, 4> roles{};
  roles[axes.output] = 0, roles[axes.input] = 1, roles[axes.height] = 2,
  roles[axes.width] = 3;
  return roles;
}

struct FilterRoles {
  std::array<int64_t, 4> size{}, stride{};
};
FilterRoles filterRoles(webnn::Conv2dFilterOperandLayout layout,
                        RankedTensorType type) {
  std::array<int, 4> roles = filterDims(layout);
  FilterRoles out;
  int64_t s = 1;
  for (int d = 3; d >= 0; --d) {
    out.size[roles[d]] = type.getDimSize(d);
    out.stride[roles[d]] = s;
    s *= type.getDimSize(d);
  }
  return out;
}

// Copies filter element (o, i, h, w) from |from| (laid out as |roles|
// says) to |to|[index(o, i, h, w)], for every element.
template <typename Index>
void repack(const std::vector<char> &from, std::vector<char> &to,
            const FilterRoles &roles, size_t element, Index index) {
  const auto &size = roles.size, &stride = roles.stride;
  for (int64_t o = 0; o < size[0]; ++o)
    for (int64_t i = 0; i < size[1]; ++i)
      for (int64_t h = 0; h < size[2]; ++h)
        for (int64_t w = 0; w < size[3]; ++w)
          std::memcpy(to.data() + index(o, i, h, w) * element,
                      from.data() + (o * stride[0] + i * stride[1] +
                                     h * stride[2] + w * stride[3]) *
                                        element,
                      element);
}

// The conv's geometry by the spec's rules (its filter as it is now).
std::optional<spec::Conv2dGeometry> geometryOf(webnn::Conv2dOp conv) {
  auto geometry =
      spec::resolveConv2d(*webnn::getDescriptor(conv.getInput().getType()),
                          *webnn::getDescriptor(conv.getFilter().getType()),
                          webnn::optionsOf<spec::Conv2dOptions>(conv));
  if (!geometry)
    return std::nullopt;
  return *geometry;
}

// A channels-last, single-group conv with a constant filter becomes
// webnn.packed_conv2d: the filter in panels [O/P][h][w][i][P], P output
// channels being the width of the kernel's register tile.
LogicalResult packConvPanels(webnn::Conv2dOp conv, int lanes, int registers) {
  auto constant = conv.getFilter().getDefiningOp<webnn::ConstantOp>();
  if (!constant || conv.getGroups() != 1 ||
      conv.getInputLayout() != webnn::InputOperandLayout::nhwc)
    return failure();
  std::optional<spec::Conv2dGeometry> geometry = geometryOf(conv);
  std::optional<std::vector<char>> bytes = bytesOf(constant);
  if (!geometry || !bytes)
    return failure();
  int64_t width =
      kernels::planConvTiles(*geometry, lanes, registers, /*depthwise=*/false)
          .vectors *
      int64_t(lanes);
  auto type = cast<RankedTensorType>(constant.getType());
  size_t element = type.getElementTypeBitWidth() / 8;
  FilterRoles roles = filterRoles(conv.getFilterLayout(), type);
  int64_t o = roles.size[0], i = roles.size[1], h = roles.size[2],
          w = roles.size[3];
  int64_t panels = (o + width - 1) / width;
  std::vector<char> packed(size_t(panels * h * w * i * width) * element, 0);
  repack(*bytes, packed, roles, element,
         [&](int64_t oo, int64_t ii, int64_t hh, int64_t ww) {
           return (((oo / width * h + hh) * w + ww) * i + ii) * width +
                  oo % width;
         });
  OpBuilder builder(conv);
  Value filter = packedConstant(
      builder, constant.getLoc(),
      RankedTensorType::get({panels, h, w, i, width}, type.getElementType()),
      packed);
  auto array = [&](const std::vector<int64_t> &values) {
    return builder.getDenseI64ArrayAttr(values);
  };
  std::array<int64_t, 4> padding = geometry->padding;
  auto replacement = webnn::PackedConv2dOp::create(
      builder, conv.getLoc(), conv.getType(), conv.getInput(), filter,
      conv.getBias(), array({padding.begin(), padding.end()}),
      array({geometry->strides[0], geometry->strides[1]}),
      array({geometry->dilations[0], geometry->dilations[1]}),
      builder.getI64IntegerAttr(o));
  conv.getResult().replaceAllUsesWith(replacement.getResult());
  conv.erase();
  return success();
}

// A float32 3x3 channels-last conv that Winograd pays for becomes
// webnn.winograd_conv2d: its filter transformed to G g G^T per channel
// pair, stored [alpha^2][O/P][i][P] (one panel per GEMM tile's channels).
LogicalResult packConvWinograd(webnn::Conv2dOp conv, int lanes) {
  auto constant = conv.getFilter().getDefiningOp<webnn::ConstantOp>();
  auto type = cast<RankedTensorType>(conv.getFilter().getType());
  if (!constant || !type.getElementType().isF32() ||
      conv.getInputLayout() != webnn::InputOperandLayout::nhwc)
    return failure();
  std::optional<spec::Conv2dGeometry> geometry = geometryOf(conv);
  int m = geometry ? kernels::winogradTileFor(*geometry) : 0;
  if (m == 0)
    return failure();
  std::optional<std::vector<char>> bytes = bytesOf(constant);
  if (!bytes)
    return failure();
  kernels::WinogradTransform t = kernels::winogradTransform(m);
  FilterRoles roles = filterRoles(conv.getFilterLayout(), type);
  int64_t o = roles.size[0], i = roles.size[1], alpha = t.alpha;
  int64_t width = kernels::winogradPanelWidth(o, lanes);
  int64_t panels = (o + width - 1) / width;
  const float *filter = reinterpret_cast<const float *>(bytes->data());
  std::vector<float> packed(size_t(alpha * alpha * panels * i * width), 0.0f);
  for (int64_t oo = 0; oo < o; ++oo)
    for (int64_t ii = 0; ii < i; ++ii) {
      // g (3x3) -> G g G^T (alpha x alpha), in double.
      double gk[3][3], tmp[6][3];
      for (int h = 0; h < 3; ++h)
        for (int w = 0; w < 3; ++w)
          gk[h][w] = filter[oo * roles.stride[0] + ii * roles.stride[1] +
                            h * roles.stride[2] + w * roles.stride[3]];
      for (int a = 0; a < alpha; ++a)
        for (int w = 0; w < 3; ++w) {
          tmp[a][w] = 0;
          for (int h = 0; h < 3; ++h)
            tmp[a][w] += t.g[a * 3 + h] * gk[h][w];
        }
      for (int a = 0; a < alpha; ++a)
        for (int b = 0; b < alpha; ++b) {
          double u = 0;
          for (int w = 0; w < 3; ++w)
            u += tmp[a][w] * t.g[b * 3 + w];
          packed[size_t((((a * alpha + b) * panels + oo / width) * i + ii) *
                            width +
                        oo % width)] = float(u);
        }
    }
  OpBuilder builder(conv);
  std::vector<char> raw(reinterpret_cast<const char *>(packed.data()),
                        reinterpret_cast<const char *>(packed.data()) +
                            packed.size() * sizeof(float));
  Value transformed =
      packedConstant(builder, constant.getLoc(),
                     RankedTensorType::get({alpha * alpha, panels, i, width},
                                           type.getElementType()),
                     raw);
  std::array<int64_t, 4> padding = geometry->padding;
  auto replacement = webnn::WinogradConv2dOp::create(
      builder, conv.getLoc(), conv.getType(), conv.getInput(), transformed,
      conv.getBias(),
      builder.getDenseI64ArrayAttr({padding.begin(), padding.end()}),
      builder.getI64IntegerAttr(o), builder.getI64IntegerAttr(m));
  conv.getResult().replaceAllUsesWith(replacement.getResult());
  conv.erase();
  return success();
}

// Other convs read an hwio filter: the output channel is innermost.
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
  FilterRoles roles = filterRoles(layout, type);
  int64_t o = roles.size[0], i = roles.size[1], h = roles.size[2],
          w = roles.size[3];
  std::vector<char> packed(bytes->size());
  repack(*bytes, packed, roles, element,
         [&](int64_t oo, int64_t ii, int64_t hh, int64_t ww) {
           return ((hh * w + ww) * i + ii) * o + oo;
         });
  OpBuilder builder(conv);
  auto hwioType = RankedTensorType::get({h, w, i, o}, type.getElementType());
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
  int64_t n =
      cast<RankedTensorType>(op->getResult(0).getType()).getShape().back();
  auto replacement = webnn::PackedMatmulOp::create(
      builder, op->getLoc(), op->getResult(0).getType(), a, packed, c,
      builder.getI64IntegerAttr(n), alpha, beta,
      aTranspose ? builder.getBoolAttr(true) : BoolAttr());
  op->getResult(0).replaceAllUsesWith(replacement.getResult());
  op->erase();
  return success();
}

struct PackWeights : GraphPass<PackWeights, impl::WebNNPackWeightsPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    if (panelWidth < 1 || vectorLanes < 1 || vectorRegisters < 4) {
      getOperation().emitError("webnn-pack-weights: panel-width and "
                               "vector-lanes must be positive, "
                               "vector-registers at least 4");
      return signalPassFailure();
    }
    SmallVector<Operation *> readers;
    for (Operation &op : graph.getBody().front())
      if (isa<webnn::Conv2dOp, webnn::MatmulOp, webnn::GemmOp>(op))
        readers.push_back(&op);
    for (Operation *op : readers) {
      llvm::SetVector<webnn::ConstantOp> weights;
      for (Value operand : op->getOperands())
        if (auto constant = operand.getDefiningOp<webnn::ConstantOp>())
          weights.insert(constant);
      if (auto conv = dyn_cast<webnn::Conv2dOp>(op)) {
        if ((!winograd || failed(packConvWinograd(conv, int(vectorLanes)))) &&
            failed(
                packConvPanels(conv, int(vectorLanes), int(vectorRegisters))))
          (void)packConvFilter(conv);
      } else {
        (void)packMatmul(op, panelWidth);
      }
      // Unpacked weights nothing reads any more go at once, their bytes
      // with them: a network's original and packed weights are never all
      // in memory together.
      webnn::eraseUnreadConstants(weights.getArrayRef(), getOperation());
    }
    eraseUnreadConstants(graph);
  }
};

} // namespace
} // namespace webnnc
