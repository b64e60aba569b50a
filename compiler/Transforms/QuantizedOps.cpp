// SPDX-License-Identifier: Apache-2.0
// webnn-quantized-ops: quantized convolutions and residual adds computed
// on integers.
//
//   quantizeLinear(act(conv2d(dequantizeLinear(x), dequantizeLinear(w),
//                             bias)), s_y, z_y)
//
// with constant 8-bit weights (per-tensor or per-output-channel scales and
// zero points, every w - z_w an int8: int8 with zero point 0, uint8 near
// 128), per-tensor 8-bit input and output parameters, dense or
// depthwise, and act absent, relu or clamp, becomes webnn.quantized_conv2d
// on the 8-bit input, in channels-last layout (transposes around it when
// the conv was nchw, which the layout pass then cancels between
// neighbours; a dense conv's input channels padded to a multiple of 4 with
// zero weights, as an RGB stem needs):
//
//   sum((x - z_x) s_x * w s_w) + b  ==  (sum(x w) - z_x sum(w)) s_x s_w + b
//
// so the kernel sums x * w exactly (int32; a depthwise conv in float32,
// exact at its sizes), starting from -z_x sum(w),
// and requantizes with one float multiply-add per output. The activation
// becomes the output's clamp bounds (rounding is monotone, so clamping
// before or after it agrees). Each op stays float when a condition fails.
#include <cmath>

#include "GraphPass.h"
#include "QuantizationParams.h"
#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Transforms/Passes.h"
#include "llvm/ADT/SetVector.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNQUANTIZEDOPSPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

using quantization::PerTensor;

// The op's only reader, if it has exactly one.
Operation *onlyReader(Value v) {
  return v.hasOneUse() ? *v.getUsers().begin() : nullptr;
}

// The filter's weights as w[o][ky][kx][i] with their per-output-channel
// scales.
struct Weights {
  int64_t outputs = 0, height = 0, width = 0, inputs = 0;
  int64_t dotTerms = 4; // input channels per dot product (a packed group)
  std::vector<int8_t> values; // [o][ky][kx][i]
  std::vector<double> scales; // [o]
};

// The axes of o, h, w and i in a filter of |layout|.
std::array<int, 4> ohwiAxes(spec::Conv2dFilterOperandLayout layout) {
  spec::FilterAxes axes = spec::filterAxes(layout);
  return {axes.output, axes.height, axes.width, axes.input};
}

// Strides of (o, ky, kx, i) in a filter of |layout| with |shape|.
std::array<int64_t, 4> filterStrides(spec::Conv2dFilterOperandLayout layout,
                                     const spec::Shape &shape) {
  std::array<int, 4> axis = ohwiAxes(layout);
  std::array<int64_t, 4> stride{}, byAxis{};
  int64_t s = 1;
  for (int a = 3; a >= 0; --a) {
    byAxis[a] = s;
    s *= shape[a];
  }
  for (int k = 0; k < 4; ++k)
    stride[k] = byAxis[axis[k]];
  return stride;
}

// A dequantized constant 8-bit weight: its values, scales and zero points
// (int8, or uint8 as older quantizers wrote them).
struct QuantizedConstant {
  HostTensor values, scales, zeros;

  // Element |e|, of output channel |o|, minus its zero point: the int8
  // the kernels multiply, when the difference is one.
  std::optional<int8_t> centered(size_t e, int64_t o) const {
    double v =
        values.at(e) - zeros.at(zeros.elementCount() > 1 ? size_t(o) : 0);
    if (v < -128 || v > 127)
      return std::nullopt;
    return int8_t(v);
  }
};

FailureOr<QuantizedConstant> readQuantized(webnn::DequantizeLinearOp dq) {
  auto w = quantization::constantValue(dq.getInput(), int64_t(1) << 30);
  auto scale = quantization::constantValue(dq.getScale());
  auto zero = quantization::constantValue(dq.getZeroPoint());
  if (!w || !scale || !zero ||
      (w->dataType() != spec::DataType::Int8 &&
       w->dataType() != spec::DataType::Uint8) ||
      scale->dataType() != spec::DataType::Float32)
    return failure();
  return QuantizedConstant{std::move(*w), std::move(*scale), std::move(*zero)};
}

// Whether |scales| (or zero points) are one, or one per output channel
// along |axis| of a weight of |rank| (1 elsewhere; a lower rank aligns to
// the trailing dimensions).
bool perOutputChannel(const HostTensor &scales, int64_t outputs, int axis,
                      int rank) {
  if (scales.elementCount() == 1)
    return true;
  const spec::Shape &s = scales.shape();
  if (scales.elementCount() != size_t(outputs) || int(s.size()) > rank)
    return false;
  int offset = rank - int(s.size());
  for (int a = 0; a < int(s.size()); ++a)
    if (s[a] != (a + offset == axis ? outputs : 1))
      return false;
  return true;
}

// Input channels per group, padded to whole dot products of |dotTerms|
// with zero weights (a depthwise conv's one channel per group stays one).
Weights emptyWeights(const spec::Conv2dGeometry &g, int64_t dotTerms) {
  int64_t perGroup = g.inputChannels / g.groups;
  int64_t inputs = g.groups > 1
                       ? perGroup
                       : (perGroup + dotTerms - 1) / dotTerms * dotTerms;
  Weights out{g.outputChannels, g.filterHeight, g.filterWidth, inputs,
              dotTerms, {}, {}};
  out.values.assign(size_t(out.outputs * out.height * out.width * inputs), 0);
  return out;
}

// The scales, positive and finite, one per output channel.
LogicalResult fillScales(const HostTensor &scales, Weights &out) {
  for (int64_t o = 0; o < out.outputs; ++o) {
    double s = scales.at(scales.elementCount() > 1 ? size_t(o) : 0);
    if (!(s > 0) || !std::isfinite(s))
      return failure();
    out.scales.push_back(s);
  }
  return success();
}

FailureOr<Weights> readMatrixWeights(webnn::DequantizeLinearOp dq,
                                     bool transposed,
                                     const spec::Conv2dGeometry &g,
                                     int64_t dotTerms) {
  auto q = readQuantized(dq);
  int axis = transposed ? 0 : 1;
  if (failed(q) || !perOutputChannel(q->scales, g.outputChannels, axis, 2) ||
      !perOutputChannel(q->zeros, g.outputChannels, axis, 2))
    return failure();
  Weights out = emptyWeights(g, dotTerms);
  if (failed(fillScales(q->scales, out)))
    return failure();
  int64_t k = g.inputChannels, n = g.outputChannels;
  for (int64_t o = 0; o < n; ++o)
    for (int64_t i = 0; i < k; ++i) {
      auto v = q->centered(size_t(transposed ? o * k + i : i * n + o), o);
      if (!v)
        return failure();
      out.values[size_t(o * out.inputs + i)] = *v;
    }
  return out;
}

FailureOr<Weights> readWeights(webnn::DequantizeLinearOp dq,
                               spec::Conv2dFilterOperandLayout layout,
                               const spec::Conv2dGeometry &g,
                               int64_t dotTerms) {
  auto q = readQuantized(dq);
  int axis = ohwiAxes(layout)[0];
  if (failed(q) || !perOutputChannel(q->scales, g.outputChannels, axis, 4) ||
      !perOutputChannel(q->zeros, g.outputChannels, axis, 4))
    return failure();
  Weights out = emptyWeights(g, dotTerms);
  if (failed(fillScales(q->scales, out)))
    return failure();
  int64_t perGroup = g.inputChannels / g.groups, inputs = out.inputs;
  auto stride = filterStrides(layout, q->values.shape());
  for (int64_t o = 0; o < out.outputs; ++o)
    for (int64_t y = 0; y < out.height; ++y)
      for (int64_t x = 0; x < out.width; ++x)
        for (int64_t i = 0; i < perGroup; ++i) {
          auto v = q->centered(size_t(o * stride[0] + y * stride[1] +
                                      x * stride[2] + i * stride[3]),
                               o);
          if (!v)
            return failure();
          out.values[size_t(((o * out.height + y) * out.width + x) * inputs +
                            i)] = *v;
        }
  return out;
}

// How the matched op's input and result map to the channels-last conv.
enum class Form {
  Nhwc,   // a channels-last conv2d
  Nchw,   // a conv2d in nchw: transposes around the conv
  Matrix, // matmul or gemm [..., M, K] x [K, N]: a 1x1 conv over M pixels
};

// A conv2d, matmul or gemm with everything the rewrite needs.
struct Match {
  Operation *op = nullptr;
  Value input; // the 8-bit input, in the op's own layout
  webnn::QuantizeLinearOp quantize;
  spec::Conv2dGeometry geometry;
  Form form = Form::Nhwc;
  PerTensor inputParams, output;
  Weights weights;
  std::vector<double> bias; // per output channel (zeros if none)
  int64_t outputMin = 0, outputMax = 0;
  // The op whose result the rewrite replaces: the quantize, or, for a
  // float result, the matched op itself.
  Operation *end() { return quantize ? quantize.getOperation() : op; }
};

// Narrows [lo, hi] by the activation between the conv and the quantize.
LogicalResult foldActivation(Operation *act, const PerTensor &out, int64_t &lo,
                             int64_t &hi) {
  auto bound = [&](double v) {
    return int64_t(std::nearbyint(double(float(v / out.scale)))) +
           out.zeroPoint;
  };
  if (isa<webnn::ReluOp>(act)) {
    lo = std::max(lo, out.zeroPoint);
  } else if (auto clamp = dyn_cast<webnn::ClampOp>(act)) {
    if (auto min = clamp.getMinValue())
      lo = std::max(lo, bound(min->convertToDouble()));
    if (auto max = clamp.getMaxValue())
      hi = std::min(hi, bound(max->convertToDouble()));
  } else {
    return failure();
  }
  return success(lo <= hi);
}

// |value| -> [relu | clamp] -> quantizeLinear of a float32 value, each
// read only there: the activation (or null) and the quantize (null if the
// chain is not there).
std::pair<Operation *, webnn::QuantizeLinearOp>
activationAndQuantize(Value value) {
  Operation *next = onlyReader(value);
  Operation *act = nullptr;
  if (next && isa<webnn::ReluOp, webnn::ClampOp>(next)) {
    act = next;
    next = onlyReader(act->getResult(0));
  }
  auto quantize = dyn_cast_or_null<webnn::QuantizeLinearOp>(next);
  if (quantize && quantize.getInput().getType() != value.getType())
    quantize = {};
  return {act, quantize};
}

// The 8-bit input |value| dequantizes with per-tensor parameters.
LogicalResult matchInput(Value value, Match &m) {
  auto dq = value.getDefiningOp<webnn::DequantizeLinearOp>();
  if (!dq)
    return failure();
  auto input = quantization::perTensor(dq.getScale(), dq.getZeroPoint());
  if (!input || webnn::getDescriptor(dq.getInput().getType())->dataType !=
                    input->zeroType)
    return failure();
  m.inputParams = *input;
  m.input = dq.getInput();
  return success();
}

// The per-channel bias (absent: zeros) and the activation and quantize
// after |result|.
LogicalResult matchOutput(Value bias, Value result, Match &m) {
  m.bias.assign(size_t(m.geometry.outputChannels), 0.0);
  if (bias) {
    auto value = quantization::constantValue(bias);
    if (!value || value->elementCount() != m.bias.size())
      return failure();
    m.bias = value->toDoubles();
  }
  auto [act, quantize] = activationAndQuantize(result);
  m.quantize = quantize;
  if (!m.quantize) {
    // A float result (a classifier's logits, a linear layer before a
    // float op): the sum dequantized, the bias added.
    m.output = PerTensor{1.0f, 0, spec::DataType::Float32};
    return success(
        cast<RankedTensorType>(result.getType()).getElementType().isF32());
  }
  auto output =
      quantization::perTensor(m.quantize.getScale(), m.quantize.getZeroPoint());
  if (!output)
    return failure();
  m.output = *output;
  m.outputMin = quantization::lowest(output->zeroType);
  m.outputMax = quantization::highest(output->zeroType);
  if (act && failed(foldActivation(act, m.output, m.outputMin, m.outputMax)))
    return failure();
  return success();
}

// Why a quantized region stays float, for --stats.
constexpr const char *kNotPerTensorInput =
    "its input is not dequantized from 8 bits with one scale and zero point";
constexpr const char *kUnusableWeights =
    "its weights are not constant 8-bit values within int8 of their zero "
    "points, with float32 scales per tensor or per output channel";
constexpr const char *kUnquantizedResult =
    "its result is neither float32 nor quantized with one scale and zero "
    "point after at most a relu or clamp, or its bias is not constant";

// Whether |op| reads a dequantized input and dequantized weights: a
// quantized region, which --stats reports if it stays float.
bool isQuantizedRegion(Operation *op) {
  return op->getNumOperands() >= 2 &&
         op->getOperand(0).getDefiningOp<webnn::DequantizeLinearOp>() &&
         op->getOperand(1).getDefiningOp<webnn::DequantizeLinearOp>();
}

FailureOr<Match> match(webnn::Conv2dOp conv, int64_t dotTerms,
                       std::string &why) {
  Match m;
  m.op = conv;
  auto options = webnn::optionsOf<spec::Conv2dOptions>(conv);
  auto filterDq = conv.getFilter().getDefiningOp<webnn::DequantizeLinearOp>();
  if (!filterDq || failed(matchInput(conv.getInput(), m)))
    return why = kNotPerTensorInput, failure();
  auto filterType = *webnn::getDescriptor(conv.getFilter().getType());
  auto inputType = *webnn::getDescriptor(conv.getInput().getType());
  auto geometry = spec::resolveConv2d(inputType, filterType, options);
  // Dense or depthwise (one filter per channel; its kernel sums in
  // float32, exactly while the window has at most 256 taps).
  if (!geometry || (geometry->groups != 1 && !spec::isDepthwise(*geometry)))
    return why = "grouped, neither one group nor one filter per channel",
           failure();
  if (spec::isDepthwise(*geometry) &&
      geometry->filterHeight * geometry->filterWidth > 256)
    return why = "a depthwise window of more than 256 taps", failure();
  m.geometry = *geometry;
  m.form = options.inputLayout == spec::InputOperandLayout::Nchw ? Form::Nchw
                                                                 : Form::Nhwc;
  auto weights =
      readWeights(filterDq, options.filterLayout, m.geometry, dotTerms);
  if (failed(weights))
    return why = kUnusableWeights, failure();
  if (failed(matchOutput(conv.getBias(), conv.getResult(), m)))
    return why = kUnquantizedResult, failure();
  m.weights = std::move(*weights);
  return m;
}

// matmul(a, b) or gemm(a, b, c) (alpha and beta 1, a not transposed) with
// b a constant [K, N] (or [N, K] transposed) int8 matrix: a 1x1 conv of
// the rows of a, K a multiple of the dot products' terms (a's rows are not
// padded).
FailureOr<Match> matchMatrix(Operation *op, int64_t dotTerms,
                             std::string &why) {
  Match m;
  m.op = op;
  m.form = Form::Matrix;
  Value a = op->getOperand(0), b = op->getOperand(1), bias;
  bool transposed = false;
  if (auto gemm = dyn_cast<webnn::GemmOp>(op)) {
    if (gemm.getATranspose() || gemm.getAlpha().convertToDouble() != 1.0 ||
        (gemm.getC() && gemm.getBeta().convertToDouble() != 1.0))
      return why = "a gemm with A transposed or alpha or beta other than 1",
             failure();
    transposed = gemm.getBTranspose();
    bias = gemm.getC();
  }
  auto aType = cast<RankedTensorType>(a.getType());
  auto bType = cast<RankedTensorType>(b.getType());
  auto filterDq = b.getDefiningOp<webnn::DequantizeLinearOp>();
  if (!filterDq || bType.getRank() != 2)
    return why = "B is not a 2-D matrix", failure();
  if (!aType.hasStaticShape() || aType.getRank() < 2)
    return why = "A has open dimensions", failure();
  if (failed(matchInput(a, m)))
    return why = kNotPerTensorInput, failure();
  int64_t k = aType.getShape().back();
  int64_t n = bType.getShape()[transposed ? 0 : 1];
  if (k % dotTerms != 0)
    return why = "K (" + std::to_string(k) + ") is no multiple of the " +
                 std::to_string(dotTerms) + " terms of a dot product",
           failure();
  spec::Conv2dGeometry &g = m.geometry;
  g.batches = 1;
  g.inputChannels = k;
  g.outputChannels = n;
  // The rows of a along the width: the kernel's register tiles span up to
  // 16 columns but only 2 rows (along the height, matmuls with 64 rows
  // and more ran at a third of the speed).
  g.inputHeight = g.outputHeight = 1;
  g.inputWidth = g.outputWidth = aType.getNumElements() / k;
  g.filterHeight = g.filterWidth = 1;
  g.strides = {1, 1};
  g.dilations = {1, 1};
  // The filter as oihw [N, K, 1, 1]: b is [K, N] (i, o) or [N, K] (o, i).
  auto weights = readMatrixWeights(filterDq, transposed, g, dotTerms);
  if (failed(weights))
    return why = kUnusableWeights, failure();
  if (failed(matchOutput(bias, op->getResult(0), m)))
    return why = kUnquantizedResult, failure();
  m.weights = std::move(*weights);
  return m;
}

class Rewriter {
public:
  Rewriter(Match &m, int64_t panelWidth)
      : m_(m), b_(m.end()), loc_(m.op->getLoc()), panel_(panelWidth) {}

  void run() {
    const spec::Conv2dGeometry &g = m_.geometry;
    bool isSigned = m_.inputParams.zeroType == spec::DataType::Int8;
    // Int8 inputs are read as uint8 + 128.
    int64_t zero = m_.inputParams.zeroPoint + (isSigned ? 128 : 0);
    Value x = m_.input;
    auto opType = cast<RankedTensorType>(m_.op->getResult(0).getType());
    SmallVector<int64_t> shape(opType.getShape());
    if (m_.form == Form::Nchw) {
      x = transpose(x, {0, 2, 3, 1});
      shape = {shape[0], shape[2], shape[3], shape[1]};
    } else if (m_.form == Form::Matrix) {
      x = reshape(x, {1, 1, g.inputWidth, g.inputChannels});
      shape = {1, 1, g.outputWidth, g.outputChannels};
    }
    if (g.groups == 1 && m_.weights.inputs > g.inputChannels)
      x = padChannels(x, m_.weights.inputs - g.inputChannels);
    auto elementType = cast<RankedTensorType>(m_.end()->getResult(0).getType())
                           .getElementType();
    auto resultType = RankedTensorType::get(shape, elementType);
    auto op = webnn::QuantizedConv2dOp::create(
        b_, loc_, resultType, x, packedFilter(), accumulatorOffset(zero),
        perChannel([&](int64_t o) {
          return m_.inputParams.scale * m_.weights.scales[o] / m_.output.scale;
        }),
        perChannel([&](int64_t o) { return m_.bias[o] / m_.output.scale; }),
        b_.getDenseI64ArrayAttr(g.padding), b_.getDenseI64ArrayAttr(g.strides),
        b_.getDenseI64ArrayAttr(g.dilations),
        b_.getI64IntegerAttr(g.outputChannels), b_.getI64IntegerAttr(zero),
        b_.getI64IntegerAttr(m_.output.zeroPoint),
        b_.getI64IntegerAttr(m_.outputMin), b_.getI64IntegerAttr(m_.outputMax));
    Value result = op.getResult();
    if (m_.form == Form::Nchw)
      result = transpose(result, {0, 3, 1, 2});
    else if (m_.form == Form::Matrix)
      result = reshape(result, opType.getShape());
    m_.end()->getResult(0).replaceAllUsesWith(result);
  }

private:
  Value transpose(Value x, ArrayRef<int64_t> perm) {
    auto type = cast<RankedTensorType>(x.getType());
    SmallVector<int64_t> shape;
    for (int64_t p : perm)
      shape.push_back(type.getDimSize(p));
    return webnn::TransposeOp::create(b_, loc_, type.clone(shape), x,
                                      b_.getDenseI64ArrayAttr(perm))
        .getResult();
  }

  Value reshape(Value x, ArrayRef<int64_t> shape) {
    auto type = cast<RankedTensorType>(x.getType());
    return webnn::ReshapeOp::create(b_, loc_, type.clone(shape), x,
                                    b_.getDenseI64ArrayAttr(shape),
                                    /*open_sizes=*/ArrayAttr())
        .getResult();
  }

  // |extra| channels more, holding the zero point (they meet zero weights).
  Value padChannels(Value x, int64_t extra) {
    auto type = cast<RankedTensorType>(x.getType());
    SmallVector<int64_t> shape(type.getShape());
    shape[3] += extra;
    return webnn::PadOp::create(
               b_, loc_, type.clone(shape), x,
               b_.getDenseI64ArrayAttr({0, 0, 0, 0}),
               b_.getDenseI64ArrayAttr({0, 0, 0, extra}),
               webnn::PaddingModeAttr::get(b_.getContext(),
                                           webnn::PaddingMode::constant),
               b_.getF64FloatAttr(double(m_.inputParams.zeroPoint)))
        .getResult();
  }

  template <typename T>
  Value constant(spec::DataType type, const spec::Shape &shape,
                 const std::vector<T> &values) {
    auto tensor = webnn::getTensorType(b_.getContext(), {type, shape});
    ArrayRef<char> bytes(reinterpret_cast<const char *>(values.data()),
                         values.size() * sizeof(T));
    return webnn::createConstant(b_, loc_, tensor, bytes);
  }

  // [O/P][ky][kx][I/T][P][T] for T-term dot products, zero past the last
  // output channel; a
  // depthwise conv's [ky][kx][C] (channels innermost, as its vectors).
  Value packedFilter() {
    const Weights &w = m_.weights;
    if (m_.geometry.groups > 1) {
      std::vector<int8_t> hwc(w.values.size());
      for (int64_t o = 0; o < w.outputs; ++o)
        for (int64_t k = 0; k < w.height * w.width; ++k)
          hwc[size_t(k * w.outputs + o)] =
              w.values[size_t(o * w.height * w.width + k)];
      return constant(spec::DataType::Int8, {w.height, w.width, w.outputs},
                      hwc);
    }
    int64_t panels = (w.outputs + panel_ - 1) / panel_;
    int64_t terms = w.dotTerms, groups = w.inputs / terms;
    std::vector<int8_t> packed(
        size_t(panels * w.height * w.width * w.inputs * panel_), 0);
    size_t k = 0;
    for (int64_t panel = 0; panel < panels; ++panel)
      for (int64_t y = 0; y < w.height; ++y)
        for (int64_t x = 0; x < w.width; ++x)
          for (int64_t c = 0; c < groups; ++c)
            for (int64_t p = 0; p < panel_; ++p)
              for (int64_t t = 0; t < terms; ++t, ++k) {
                int64_t o = panel * panel_ + p;
                if (o < w.outputs)
                  packed[k] = w.values[size_t(
                      ((o * w.height + y) * w.width + x) * w.inputs +
                      c * terms + t)];
              }
    return constant(spec::DataType::Int8,
                    {panels, w.height, w.width, groups, panel_, terms},
                    packed);
  }

  // -zero * sum(w[o]) for each output channel.
  Value accumulatorOffset(int64_t zero) {
    const Weights &w = m_.weights;
    int64_t perOutput = w.height * w.width * w.inputs;
    std::vector<int32_t> offsets;
    for (int64_t o = 0; o < w.outputs; ++o) {
      int64_t sum = 0;
      for (int64_t k = 0; k < perOutput; ++k)
        sum += w.values[size_t(o * perOutput + k)];
      offsets.push_back(int32_t(-zero * sum));
    }
    return constant(spec::DataType::Int32, {w.outputs}, offsets);
  }

  template <typename F> Value perChannel(F value) {
    std::vector<float> values;
    for (int64_t o = 0; o < m_.geometry.outputChannels; ++o)
      values.push_back(float(value(o)));
    return constant(spec::DataType::Float32, {m_.geometry.outputChannels},
                    values);
  }

  Match &m_;
  OpBuilder b_;
  Location loc_;
  int64_t panel_;
};

// Erases |op| and then the producers only it read, up to the quantized
// input (which the new op reads).
void eraseChain(Operation *op) {
  SmallVector<Operation *> work{op};
  while (!work.empty()) {
    Operation *next = work.pop_back_val();
    if (!next->use_empty())
      continue;
    llvm::SmallSetVector<Operation *, 4> producers;
    for (Value v : next->getOperands())
      if (Operation *p = v.getDefiningOp(); p && !isa<webnn::ConstantOp>(p))
        producers.insert(p);
    next->erase();
    // A producer is erased once: when popped, its readers are gone.
    for (Operation *p : producers)
      if (!llvm::is_contained(work, p))
        work.push_back(p);
  }
}

// quantizeLinear(act(add(dequantizeLinear(a), dequantizeLinear(b)))), all
// per-tensor: a quantized_add of a and b.
LogicalResult rewriteAdd(webnn::AddOp add) {
  auto aDq = add.getA().getDefiningOp<webnn::DequantizeLinearOp>();
  auto bDq = add.getB().getDefiningOp<webnn::DequantizeLinearOp>();
  if (!aDq || !bDq)
    return failure();
  auto a = quantization::perTensor(aDq.getScale(), aDq.getZeroPoint());
  auto b = quantization::perTensor(bDq.getScale(), bDq.getZeroPoint());
  auto typeOf = [](Value v) {
    return webnn::getDescriptor(v.getType())->dataType;
  };
  if (!a || !b || typeOf(aDq.getInput()) != a->zeroType ||
      typeOf(bDq.getInput()) != b->zeroType)
    return failure();
  auto [act, quantize] = activationAndQuantize(add.getResult());
  if (!quantize)
    return failure();
  auto out =
      quantization::perTensor(quantize.getScale(), quantize.getZeroPoint());
  if (!out)
    return failure();
  int64_t lo = quantization::lowest(out->zeroType);
  int64_t hi = quantization::highest(out->zeroType);
  if (act && failed(foldActivation(act, *out, lo, hi)))
    return failure();
  OpBuilder b_(quantize);
  auto i64 = [&](int64_t v) { return b_.getI64IntegerAttr(v); };
  auto op = webnn::QuantizedAddOp::create(
      b_, add.getLoc(), quantize.getType(), aDq.getInput(), bDq.getInput(),
      b_.getF64FloatAttr(double(a->scale) / double(out->scale)),
      i64(a->zeroPoint),
      b_.getF64FloatAttr(double(b->scale) / double(out->scale)),
      i64(b->zeroPoint), i64(out->zeroPoint), i64(lo), i64(hi));
  quantize.getResult().replaceAllUsesWith(op.getResult());
  eraseChain(quantize);
  return success();
}

// quantizeLinear(concat(x...)) with per-tensor parameters, the concat
// read only there: concat(quantizeLinear(x)...), the same values (a
// per-tensor quantize is element-wise), so the data moved is 8-bit and
// each quantize meets the op producing its x (often a dequantize).
void pushIntoConcat(webnn::QuantizeLinearOp q) {
  auto concat = q.getInput().getDefiningOp<webnn::ConcatOp>();
  if (!concat || !concat->hasOneUse() ||
      !quantization::perTensor(q.getScale(), q.getZeroPoint()))
    return;
  OpBuilder b(q);
  Type element = cast<RankedTensorType>(q.getType()).getElementType();
  SmallVector<Value> parts;
  for (Value x : concat.getInputs())
    parts.push_back(webnn::QuantizeLinearOp::create(
        b, q.getLoc(), cast<RankedTensorType>(x.getType()).clone(element), x,
        q.getScale(), q.getZeroPoint()));
  auto joined = webnn::ConcatOp::create(b, concat.getLoc(), q.getType(), parts,
                                        concat.getAxisAttr());
  q.getResult().replaceAllUsesWith(joined.getResult());
  q.erase();
  concat.erase();
}

// quantizeLinear(dequantizeLinear(x)) with the same per-tensor parameters
// is x: (x - z) * s / s is within 2^-22 relative of the integer x - z, so
// rounding gives it back.
void foldRoundTrip(webnn::QuantizeLinearOp q) {
  auto dq = q.getInput().getDefiningOp<webnn::DequantizeLinearOp>();
  if (!dq || dq.getInput().getType() != q.getType())
    return;
  auto in = quantization::perTensor(dq.getScale(), dq.getZeroPoint());
  auto out = quantization::perTensor(q.getScale(), q.getZeroPoint());
  if (!in || !out || in->scale != out->scale || in->zeroPoint != out->zeroPoint)
    return;
  q.getResult().replaceAllUsesWith(dq.getInput());
  eraseChain(q);
}

// An op that only selects, repeats or takes the maximum of its one input's
// values, whatever their type.
bool movesValues(Operation *op) {
  return isa<webnn::MaxPool2dOp, webnn::ReshapeOp, webnn::TransposeOp,
             webnn::SliceOp, webnn::ExpandOp, webnn::ReverseOp, webnn::TileOp>(
             op) &&
         op->getNumOperands() == 1;
}

// quantizeLinear(moves(dequantizeLinear(x))) with the same per-tensor
// parameters on both sides, |moves| a chain of such ops (max pooling,
// reshape, transpose, slice, expand, reverse, tile), each op read only by
// the next: moves(x), the same values (dequantization is monotone, so the
// maximum of dequantized values is the dequantized maximum, which
// quantizes back to it; an all-padding pooling window gives the type's
// lowest both ways), moving 8-bit data.
void moveOnIntegers(webnn::QuantizeLinearOp q) {
  SmallVector<Operation *> moves;
  Value v = q.getInput();
  for (Operation *op = v.getDefiningOp();
       op && movesValues(op) && op->hasOneUse(); op = v.getDefiningOp()) {
    moves.push_back(op);
    v = op->getOperand(0);
  }
  auto dq = v.getDefiningOp<webnn::DequantizeLinearOp>();
  Type element = getElementTypeOrSelf(q.getType());
  if (moves.empty() || !dq || !dq->hasOneUse() ||
      getElementTypeOrSelf(dq.getInput().getType()) != element)
    return;
  auto in = quantization::perTensor(dq.getScale(), dq.getZeroPoint());
  auto out = quantization::perTensor(q.getScale(), q.getZeroPoint());
  if (!in || !out || in->scale != out->scale || in->zeroPoint != out->zeroPoint)
    return;
  OpBuilder b(q);
  Value x = dq.getInput();
  for (Operation *move : llvm::reverse(moves)) {
    OperationState state(move->getLoc(), move->getName());
    state.addOperands(x);
    state.addTypes(
        cast<RankedTensorType>(move->getResult(0).getType()).clone(element));
    state.addAttributes(move->getAttrs());
    x = b.create(state)->getResult(0);
  }
  q.getResult().replaceAllUsesWith(x);
  eraseChain(q);
}

struct QuantizedOps : GraphPass<QuantizedOps, impl::WebNNQuantizedOpsPassBase> {
  using GraphPass::GraphPass;
  QuantizedOps(const WebNNQuantizedOpsPassOptions &options,
               std::vector<std::string> *floatRegions)
      : GraphPass(options), floatRegions_(floatRegions) {}

  // Records that the quantized region at |op| stays float, and why.
  void leftFloat(Operation *op, const std::string &why) {
    if (floatRegions_ && isQuantizedRegion(op))
      floatRegions_->push_back(describeOp(op) + ": " + why);
  }

  void runOnGraph(func::FuncOp graph) {
    Block &body = graph.getBody().front();
    // Each rewrite over the quantizes present when it starts (each may
    // erase or add some).
    for (auto rewrite : {pushIntoConcat, foldRoundTrip, moveOnIntegers}) {
      SmallVector<webnn::QuantizeLinearOp> quantizes(
          body.getOps<webnn::QuantizeLinearOp>());
      for (webnn::QuantizeLinearOp q : quantizes)
        rewrite(q);
    }
    SmallVector<Operation *> products;
    for (Operation &op : body) {
      if (isa<webnn::Conv2dOp, webnn::MatmulOp, webnn::GemmOp>(op))
        products.push_back(&op);
      else if (isa<webnn::ConvTranspose2dOp>(op))
        leftFloat(&op, "transposed convs compute in float");
    }
    for (Operation *op : products) {
      if (!dotTerms) {
        leftFloat(op, "integer kernels are off: the target has no integer "
                      "dot products, or --deterministic");
        continue;
      }
      std::string why;
      auto conv = dyn_cast<webnn::Conv2dOp>(op);
      FailureOr<Match> m = conv ? match(conv, dotTerms, why)
                                : matchMatrix(op, dotTerms, why);
      if (failed(m)) {
        leftFloat(op, why);
        continue;
      }
      Rewriter(*m, panelWidth).run();
      eraseChain(m->end());
    }
    SmallVector<webnn::AddOp> adds(body.getOps<webnn::AddOp>());
    for (webnn::AddOp add : adds)
      (void)rewriteAdd(add);
    eraseUnreadConstants(graph);
  }

private:
  std::vector<std::string> *floatRegions_ = nullptr;
};

} // namespace

std::unique_ptr<Pass>
createWebNNQuantizedOpsPass(const WebNNQuantizedOpsPassOptions &options,
                            std::vector<std::string> *floatRegions) {
  return std::make_unique<QuantizedOps>(options, floatRegions);
}

} // namespace webnnc
