// SPDX-License-Identifier: Apache-2.0
// MobileNetV2 with the C++ frontend: a 3x3 stem, seventeen inverted
// residual blocks (1x1 expand + relu6, 3x3 depthwise + relu6, 1x1 linear
// project, residual add when the shape is kept), a 1x1 head, global
// average pooling and a fully-connected classifier.
#include "MobileNetV2.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace webnnc::models {

namespace {

// Channels rounded to a multiple of 8, never more than 10% below |c|
// (torchvision's _make_divisible).
int64_t roundChannels(double c) {
  int64_t rounded = std::max<int64_t>(8, int64_t(c + 4) / 8 * 8);
  if (double(rounded) < 0.9 * c)
    rounded += 8;
  return rounded;
}

class Builder {
public:
  Builder(GraphBuilder &b, uint32_t seed) : b_(b), state_(seed) {}

  // A constant with values uniform in [-bound, bound].
  Operand weights(Shape shape, double bound) {
    OperandDescriptor desc{DataType::Float32, std::move(shape)};
    std::vector<float> values(size_t(spec::elementCount(desc.shape)));
    for (float &v : values)
      v = float((2 * uniform() - 1) * bound);
    return b_.constant(desc, std::span<const float>(values));
  }

  // conv2d with a folded bias, then relu6 unless |linear|. He-scaled
  // weights keep the activations in a useful range at any depth.
  Operand conv(const Operand &x, int64_t in, int64_t out, int64_t kernel,
               int64_t stride, int64_t groups, bool linear) {
    double fanIn = double(in / groups * kernel * kernel);
    double bound = std::sqrt(3.0) * std::sqrt((linear ? 1.0 : 2.0) / fanIn);
    int64_t pad = kernel / 2;
    Operand y = b_.conv2d(
        x, weights({out, in / groups, kernel, kernel}, bound),
        {.padding = {pad, pad, pad, pad},
         .strides = {stride, stride},
         .groups = groups,
         .bias = weights({out}, 0.1)});
    return linear ? y : b_.clamp(y, {.minValue = 0.0, .maxValue = 6.0});
  }

  Operand invertedResidual(const Operand &x, int64_t in, int64_t out,
                           int64_t stride, int64_t expansion) {
    int64_t hidden = in * expansion;
    Operand y = x;
    if (expansion != 1)
      y = conv(y, in, hidden, 1, 1, 1, false);
    y = conv(y, hidden, hidden, 3, stride, hidden, false);
    y = conv(y, hidden, out, 1, 1, 1, true);
    return stride == 1 && in == out ? b_.add(x, y) : y;
  }

private:
  double uniform() { // a 32-bit LCG: the same weights on every platform
    state_ = state_ * 1664525u + 1013904223u;
    return double(state_ >> 8) / double(1u << 24);
  }

  GraphBuilder &b_;
  uint32_t state_;
};

} // namespace

Expected<Graph, BuildError> buildMobileNetV2(const MobileNetV2Options &options) {
  if (options.resolution < 32 || options.width <= 0 || options.classes < 1)
    return BuildError{"mobilenet_v2", "", "options",
                      "resolution must be at least 32, width and classes "
                      "positive"};
  GraphBuilder b;
  Builder net(b, options.seed);
  Operand x = b.input("input", {DataType::Float32,
                                {1, 3, options.resolution, options.resolution}});
  int64_t channels = roundChannels(32 * options.width);
  x = net.conv(x, 3, channels, 3, 2, 1, false);
  // (expansion, output channels, blocks, first stride)
  const int64_t blocks[][4] = {{1, 16, 1, 1},  {6, 24, 2, 2},  {6, 32, 3, 2},
                               {6, 64, 4, 2},  {6, 96, 3, 1},  {6, 160, 3, 2},
                               {6, 320, 1, 1}};
  for (const auto &[expansion, c, n, stride] : blocks) {
    int64_t out = roundChannels(double(c) * options.width);
    for (int64_t i = 0; i < n; ++i) {
      x = net.invertedResidual(x, channels, out, i == 0 ? stride : 1,
                               expansion);
      channels = out;
    }
  }
  int64_t head = roundChannels(1280 * std::max(1.0, options.width));
  x = net.conv(x, channels, head, 1, 1, 1, false);
  Operand pooled = b.averagePool2d(x);
  Operand features = b.reshape(pooled, {1, head}, {.label = "features"});
  Operand logits = b.gemm(
      features, net.weights({options.classes, head}, std::sqrt(3.0 / double(head))),
      {.c = net.weights({options.classes}, 0.1),
       .bTranspose = true,
       .label = "logits"});
  return b.build({{"output", b.softmax(logits, 1)}});
}

} // namespace webnnc::models
