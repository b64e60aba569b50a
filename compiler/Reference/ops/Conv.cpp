// SPDX-License-Identifier: Apache-2.0
// Reference semantics of the convolutions, pooling and resampling.
#include <algorithm>
#include <cmath>
#include <limits>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;
using spec::InputOperandLayout;

namespace {

// Flat index of (n, c, h, w) in a 4-D tensor of |shape| stored in |layout|.
size_t activationIndex(const spec::Shape &shape, InputOperandLayout layout,
                       int64_t n, int64_t c, int64_t h, int64_t w) {
  if (layout == InputOperandLayout::Nchw)
    return ((n * shape[1] + c) * shape[2] + h) * shape[3] + w;
  return ((n * shape[1] + h) * shape[2] + w) * shape[3] + c;
}

// Flat index of filter element (o, i, h, w) in |shape| stored in |layout|.
size_t filterIndex(const spec::Shape &s, spec::Conv2dFilterOperandLayout layout,
                   int64_t o, int64_t i, int64_t h, int64_t w) {
  switch (layout) {
  case spec::Conv2dFilterOperandLayout::Oihw:
    return ((o * s[1] + i) * s[2] + h) * s[3] + w;
  case spec::Conv2dFilterOperandLayout::Hwio:
    return ((h * s[1] + w) * s[2] + i) * s[3] + o;
  case spec::Conv2dFilterOperandLayout::Ohwi:
    return ((o * s[1] + h) * s[2] + w) * s[3] + i;
  case spec::Conv2dFilterOperandLayout::Ihwo:
    return ((i * s[1] + h) * s[2] + w) * s[3] + o;
  }
  return 0;
}

OpResult conv2d(webnn::Conv2dOp op, const Operands &operands) {
  const RefTensor &input = *operands[0], &filter = *operands[1];
  const RefTensor *bias = operands.size() > 2 ? operands[2] : nullptr;
  spec::Conv2dOptions options = webnn::optionsOf<spec::Conv2dOptions>(op);
  auto geometry = spec::resolveConv2d(*webnn::getDescriptor(op.getInput().getType()),
                                      *webnn::getDescriptor(op.getFilter().getType()),
                                      options);
  if (!geometry)
    return geometry.error().format("conv2d");
  const spec::Conv2dGeometry &g = *geometry;
  auto outType = cast<RankedTensorType>(op.getType());
  RefTensor out(input.type, spec::Shape(outType.getShape().begin(),
                                        outType.getShape().end()));
  int64_t inPerGroup = g.inputChannels / g.groups;
  int64_t outPerGroup = g.outputChannels / g.groups;
  for (int64_t n = 0; n < g.batches; ++n)
    for (int64_t o = 0; o < g.outputChannels; ++o)
      for (int64_t y = 0; y < g.outputHeight; ++y)
        for (int64_t x = 0; x < g.outputWidth; ++x) {
          double sum = bias ? bias->f[o] : 0.0;
          int64_t group = o / outPerGroup;
          for (int64_t i = 0; i < inPerGroup; ++i)
            for (int64_t ky = 0; ky < g.filterHeight; ++ky) {
              int64_t iy = y * g.strides[0] - g.padding[0] + ky * g.dilations[0];
              if (iy < 0 || iy >= g.inputHeight)
                continue;
              for (int64_t kx = 0; kx < g.filterWidth; ++kx) {
                int64_t ix =
                    x * g.strides[1] - g.padding[2] + kx * g.dilations[1];
                if (ix < 0 || ix >= g.inputWidth)
                  continue;
                sum += input.f[activationIndex(input.shape, options.inputLayout,
                                               n, group * inPerGroup + i, iy,
                                               ix)] *
                       filter.f[filterIndex(filter.shape, options.filterLayout,
                                            o, i, ky, kx)];
              }
            }
          out.f[activationIndex(out.shape, options.inputLayout, n, o, y, x)] =
              sum;
        }
  out.roundToType();
  return out;
}

template <typename Op>
OpResult pool2d(Op op, spec::PoolKind kind, const Operands &operands) {
  const RefTensor &input = *operands[0];
  spec::Pool2dOptions options = webnn::optionsOf<spec::Pool2dOptions>(op);
  auto geometry = spec::resolvePool2d(
      kind, *webnn::getDescriptor(op.getInput().getType()), options);
  if (!geometry)
    return geometry.error().format(spec::toString(kind));
  const spec::Pool2dGeometry &g = *geometry;
  auto outType = cast<RankedTensorType>(op.getType());
  RefTensor out(input.type, spec::Shape(outType.getShape().begin(),
                                        outType.getShape().end()));
  for (int64_t n = 0; n < g.batches; ++n)
    for (int64_t c = 0; c < g.channels; ++c)
      for (int64_t y = 0; y < g.outputHeight; ++y)
        for (int64_t x = 0; x < g.outputWidth; ++x) {
          // Padding never contributes: a window covering only padding
          // yields 0 (average, L2) or the type's lowest value (max).
          double sum = 0, best = -INFINITY;
          int64_t bestInt = std::numeric_limits<int64_t>::min();
          bool any = false;
          int64_t count = 0;
          for (int64_t ky = 0; ky < g.windowHeight; ++ky) {
            int64_t iy = y * g.strides[0] - g.padding[0] + ky * g.dilations[0];
            if (iy < 0 || iy >= g.inputHeight)
              continue;
            for (int64_t kx = 0; kx < g.windowWidth; ++kx) {
              int64_t ix = x * g.strides[1] - g.padding[2] + kx * g.dilations[1];
              if (ix < 0 || ix >= g.inputWidth)
                continue;
              size_t at = activationIndex(input.shape, options.layout, n, c,
                                          iy, ix);
              ++count;
              if (input.isFloat()) {
                double v = input.f[at];
                sum += kind == spec::PoolKind::L2 ? v * v : v;
                // NaN-propagating max.
                best = !any ? v
                            : (std::isnan(best) || std::isnan(v)
                                   ? std::nan("")
                                   : std::max(best, v));
              } else {
                int64_t v = input.i[at];
                bool greater = spec::isSigned(input.type)
                                   ? v > bestInt
                                   : uint64_t(v) > uint64_t(bestInt);
                if (!any || greater)
                  bestInt = v;
              }
              any = true;
            }
          }
          size_t at = activationIndex(out.shape, options.layout, n, c, y, x);
          // A window holding no input element (ceil rounding or
          // outputSizes past the padding) pools to 0, as webnn-baseline
          // and WPT have it.
          if (!input.isFloat()) {
            out.i[at] = any ? bestInt : 0;
            continue;
          }
          switch (kind) {
          case spec::PoolKind::Max:
            out.f[at] = any ? best : 0.0;
            break;
          case spec::PoolKind::Average:
            out.f[at] = count ? sum / double(count) : 0.0;
            break;
          case spec::PoolKind::L2:
            out.f[at] = std::sqrt(sum);
            break;
          }
        }
  out.roundToType();
  return out;
}


// Flat index of convTranspose2d filter element (input channel i, output
// channel within the group o, h, w) in |shape| stored in |layout|.
size_t transposedFilterIndex(const spec::Shape &s,
                             spec::ConvTranspose2dFilterOperandLayout layout,
                             int64_t i, int64_t o, int64_t h, int64_t w) {
  switch (layout) {
  case spec::ConvTranspose2dFilterOperandLayout::Iohw:
    return ((i * s[1] + o) * s[2] + h) * s[3] + w;
  case spec::ConvTranspose2dFilterOperandLayout::Hwoi:
    return ((h * s[1] + w) * s[2] + o) * s[3] + i;
  case spec::ConvTranspose2dFilterOperandLayout::Ohwi:
    return ((o * s[1] + h) * s[2] + w) * s[3] + i;
  }
  return 0;
}

// Each input element scatters input * filter into the output window it
// maps to; padding crops the full output.
OpResult convTranspose2d(webnn::ConvTranspose2dOp op,
                         const Operands &operands) {
  const RefTensor &input = *operands[0], &filter = *operands[1];
  const RefTensor *bias = operands.size() > 2 ? operands[2] : nullptr;
  spec::ConvTranspose2dOptions options = webnn::optionsOf<spec::ConvTranspose2dOptions>(op);
  auto geometry = spec::resolveConvTranspose2d(
      descriptorOf(op.getInput()), descriptorOf(op.getFilter()), options);
  if (!geometry)
    return geometry.error().format("convTranspose2d");
  const spec::Conv2dGeometry &g = *geometry;
  RefTensor out(input.type, shapeOf(op.getResult()));
  std::vector<double> sum(out.size(), 0.0);
  int64_t inPerGroup = g.inputChannels / g.groups;
  int64_t outPerGroup = g.outputChannels / g.groups;
  for (int64_t n = 0; n < g.batches; ++n)
    for (int64_t c = 0; c < g.inputChannels; ++c) {
      int64_t group = c / inPerGroup;
      for (int64_t iy = 0; iy < g.inputHeight; ++iy)
        for (int64_t ix = 0; ix < g.inputWidth; ++ix) {
          double v = input.f[activationIndex(input.shape, options.inputLayout,
                                             n, c, iy, ix)];
          for (int64_t o = 0; o < outPerGroup; ++o)
            for (int64_t ky = 0; ky < g.filterHeight; ++ky) {
              int64_t y = iy * g.strides[0] + ky * g.dilations[0] - g.padding[0];
              if (y < 0 || y >= g.outputHeight)
                continue;
              for (int64_t kx = 0; kx < g.filterWidth; ++kx) {
                int64_t x =
                    ix * g.strides[1] + kx * g.dilations[1] - g.padding[2];
                if (x < 0 || x >= g.outputWidth)
                  continue;
                sum[activationIndex(out.shape, options.inputLayout, n,
                                    group * outPerGroup + o, y, x)] +=
                    v * filter.f[transposedFilterIndex(
                            filter.shape, options.filterLayout, c, o, ky, kx)];
              }
            }
        }
    }
  for (int64_t n = 0; n < g.batches; ++n)
    for (int64_t o = 0; o < g.outputChannels; ++o)
      for (int64_t y = 0; y < g.outputHeight; ++y)
        for (int64_t x = 0; x < g.outputWidth; ++x) {
          size_t at = activationIndex(out.shape, options.inputLayout, n, o, y, x);
          out.f[at] = sum[at] + (bias ? bias->f[o] : 0.0);
        }
  out.roundToType();
  return out;
}

// resample2d: output coordinate o samples input coordinate
// (o + 0.5) / scale - 0.5, clamped to the input; nearest-neighbor rounds
// it half down, linear interpolates the two neighbours on each axis.
OpResult resample2d(webnn::Resample2dOp op, const RefTensor &input) {
  auto geometry = spec::resolveResample2d(descriptorOf(op.getInput()),
                                          webnn::optionsOf<spec::Resample2dOptions>(op));
  if (!geometry)
    return geometry.error().format("resample2d");
  const spec::Resample2dGeometry &g = *geometry;
  bool linear = webnn::optionsOf<spec::Resample2dOptions>(op).mode ==
                spec::InterpolationMode::Linear;
  RefTensor out(input.type, shapeOf(op.getResult()));
  struct Tap {
    int64_t index[2];
    double weight[2];
  };
  auto taps = [&](int i, int64_t o) {
    double c = (double(o) + 0.5) / g.scales[i] - 0.5;
    double last = double(g.inputSizes[i] - 1);
    Tap t{};
    if (!linear) {
      t.index[0] = t.index[1] = int64_t(std::ceil(std::clamp(c, 0.0, last) - 0.5));
      t.weight[0] = 1, t.weight[1] = 0;
      return t;
    }
    c = std::clamp(c, 0.0, last);
    int64_t lo = int64_t(std::floor(c));
    t.index[0] = lo;
    t.index[1] = std::min<int64_t>(lo + 1, g.inputSizes[i] - 1);
    t.weight[1] = c - double(lo);
    t.weight[0] = 1 - t.weight[1];
    return t;
  };
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    Tap a = taps(0, index[g.axes[0]]), b = taps(1, index[g.axes[1]]);
    std::vector<int64_t> from = index;
    double value = 0;
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) {
        double w = a.weight[i] * b.weight[j];
        if (w == 0)
          continue;
        from[g.axes[0]] = a.index[i];
        from[g.axes[1]] = b.index[j];
        size_t at = offsetOf(from, input.shape);
        value += w * (input.isFloat() ? input.f[at] : double(input.i[at]));
      }
    // int8/uint8: the interpolated value rounded half to even, saturated.
    if (input.isFloat())
      out.f[k] = value;
    else
      out.i[k] = castToInteger(out.type, std::nearbyint(value));
  });
  out.roundToType();
  return out;
}

} // namespace

std::optional<OpResult> evaluateConvPool(Operation *op,
                                         const Operands &operands) {
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::Conv2dOp conv) { return conv2d(conv, operands); })
      .Case([&](webnn::ConvTranspose2dOp conv) {
        return convTranspose2d(conv, operands);
      })
      .Case([&](webnn::Resample2dOp resample) {
        return resample2d(resample, *operands[0]);
      })
      .Case([&](webnn::AveragePool2dOp pool) {
        return pool2d(pool, spec::PoolKind::Average, operands);
      })
      .Case([&](webnn::L2Pool2dOp pool) {
        return pool2d(pool, spec::PoolKind::L2, operands);
      })
      .Case([&](webnn::MaxPool2dOp pool) {
        return pool2d(pool, spec::PoolKind::Max, operands);
      })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
