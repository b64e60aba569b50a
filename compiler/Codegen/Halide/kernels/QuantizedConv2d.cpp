// SPDX-License-Identifier: Apache-2.0
// quantized_conv2d: a channels-last conv of uint8 activations and int8
// weights summed exactly, then requantized in float (or returned as float
// when the result is float32); the algorithm, on the float convs'
// channels-last schedule.
//
// A dense conv's sum is written as dot products of the filter's innermost
// dimension's terms: u8 x i8 products widened to i32 and reduced four at a
// time, which Halide emits as one vpdpbusd per vector of output channels
// on AVX-512 VNNI targets, or two at a time, one vpmaddwd on the bytes
// widened to 16 bits (exact: no pair of products leaves int32) on AVX2. A
// depthwise conv sums each channel's window in float32, exactly (see
// below).
#include <functional>
#include <stdexcept>

#include "Conv2dSchedule.h"
#include "Families.h"
#include "Layout.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

spec::Conv2dOptions channelsLastOptions(const kernels::OpSpec &op) {
  spec::Conv2dOptions options;
  options.padding = op.intList("padding");
  options.strides = op.intList("strides");
  options.dilations = op.intList("dilations");
  options.inputLayout = spec::InputOperandLayout::Nhwc;
  options.filterLayout = spec::Conv2dFilterOperandLayout::Hwio;
  return options;
}

// The input as uint8: int8 reads shifted by 128 (its zero point was
// shifted alike when the op was made).
Expr asUnsigned(Expr byte) {
  if (byte.type() == UInt(8))
    return byte;
  return reinterpret(UInt(8), byte) ^ cast<uint8_t>(128);
}

// A dense conv as the packed float conv: acc(p, panel, ...) is output
// channel panel * P + p; a partial last panel reads zero weights and
// clamped per-channel values, and is never stored. r.x, r.y: the window;
// r.z: groups of input channels, one dot product each; r.w: the channel
// within the group (the dot product's terms).
void defineDense(ConvStages &stages, Func acc, Func result, Func source,
                 const kernels::OpSpec &op, const std::vector<Value> &operands,
                 const std::function<Expr(Expr, Expr)> &requantized) {
  const spec::Conv2dGeometry &g = stages.geometry;
  const Value &filter = operands[1];
  int terms = int(filter.type.shape[5]);
  Var x("x"), y("y"), n("n"), o("o"), p("p"), panel("panel");
  if (terms == 2) {
    // vpmaddwd multiplies 16-bit pairs: the input is read from a copy
    // widened once, as one 32-bit broadcast per pair and column, not
    // widened again by each tile that reads it (which made the integer
    // kernels no faster than float ones).
    Var c("c");
    Func widened("input_widened");
    widened(c, x, y, n) = cast<int16_t>(source(c, x, y, n));
    stages.padded = source = widened;
  }
  RDom r(0, int(g.filterWidth), 0, int(g.filterHeight), 0,
         int(filter.type.shape[3]), 0, terms, "r");
  stages.r = r;
  stages.dotTerms = terms;
  Expr ix =
      x * int(g.strides[1]) - int(g.padding[2]) + r.x * int(g.dilations[1]);
  Expr iy =
      y * int(g.strides[0]) - int(g.padding[0]) + r.y * int(g.dilations[0]);
  int P = int(filter.type.shape[4]);
  Expr channel = min(panel * P + p, int(g.outputChannels) - 1);
  acc(p, panel, x, y, n) = rawAt(operands[2], {channel});
  acc(p, panel, x, y, n) +=
      cast<int32_t>(source(r.z * terms + r.w, ix, iy, n)) *
      cast<int32_t>(rawAt(filter, {Expr(panel), r.y, r.x, r.z, Expr(p), r.w}));
  result(o, x, y, n) =
      store(requantized(acc(o % P, o / P, x, y, n), o), op.result.dataType);
  stages.vars = {x, y, p, n};
  stages.panel = panel;
  stages.panelWidth = P;
}

} // namespace

std::optional<Defined>
defineQuantizedConv2d(const kernels::OpSpec &op,
                      const std::vector<Value> &operands) {
  if (op.kind != "quantized_conv2d")
    return std::nullopt;
  if (operands.size() != 5)
    throw std::runtime_error("quantized_conv2d needs input, packed filter, "
                             "accumulator offset, scale and offset");
  const Value &input = operands[0], &filter = operands[1];
  const spec::Shape &packed = filter.type.shape;
  bool depthwise = packed.size() == 3;
  if (!depthwise &&
      (packed.size() != 6 || (packed[5] != 2 && packed[5] != 4)))
    throw std::runtime_error("quantized_conv2d needs a [panels, h, w, i/T, "
                             "P, T] (T = 2 or 4) or [h, w, C] packed filter");
  spec::OperandDescriptor floatInput{spec::DataType::Float32, input.type.shape};
  spec::OperandDescriptor unpacked{
      spec::DataType::Float32,
      depthwise ? spec::Shape{packed[0], packed[1], 1, packed[2]}
                : spec::Shape{packed[1], packed[2], packed[3] * packed[5],
                              op.intAttr("output_channels", 0)}};
  spec::Conv2dOptions options = channelsLastOptions(op);
  if (depthwise)
    options.groups = packed[2];
  auto geometry = spec::resolveConv2d(floatInput, unpacked, options);
  if (!geometry)
    throw std::runtime_error(geometry.error().format("quantized_conv2d"));
  ConvStages stages;
  const spec::Conv2dGeometry &g = stages.geometry = *geometry;
  stages.nchw = false;

  // The result's variables: every definition below uses these names.
  Var x("x"), y("y"), c("c"), n("n"), o("o");
  Func canonical("input_canonical");
  canonical(c, x, y, n) = asUnsigned(rawAt(input, {n, y, x, c}));
  Func source = canonical;
  if (g.padding[0] || g.padding[1] || g.padding[2] || g.padding[3]) {
    // Padding holds the quantized zero, which dequantizes to 0.
    ActivationExtents in =
        activationExtents(spec::InputOperandLayout::Nhwc, input);
    auto zero = cast<uint8_t>(int(op.intAttr("input_zero_point", 0)));
    stages.padded = BoundaryConditions::constant_exterior(
        canonical, zero,
        {{0, in.channels}, {0, in.width}, {0, in.height}, {0, in.batches}});
    source = stages.padded;
  }
  bool floatResult = op.result.dataType == spec::DataType::Float32;
  auto requantized = [&](Expr sum, Expr channel) {
    Expr at = min(channel, int(g.outputChannels) - 1);
    Expr product = cast<float>(sum) * readAt(operands[3], {at});
    Expr offset = readAt(operands[4], {at});
    if (floatResult)
      return product + offset; // dequantized: no rounding, no bounds
    return roundedAndClamped(product, offset,
                             int(op.intAttr("output_zero_point", 0)),
                             int(op.intAttr("output_min", 0)),
                             int(op.intAttr("output_max", 255)));
  };
  Func acc("conv_acc");
  Func result(op.kind);
  if (depthwise) {
    // Each channel's window (no dot products across channels), summed in
    // float32, which holds these sums exactly: products of a uint8 and an
    // int8 are below 2^15, and the windows have far fewer than 2^9 taps
    // (the pass checks), so every partial sum is an integer below 2^24.
    // Float multiply-adds outrun int32 multiplies two to one.
    RDom r(0, int(g.filterWidth), 0, int(g.filterHeight), 0, 1, "r");
    stages.r = r;
    Expr ix =
        x * int(g.strides[1]) - int(g.padding[2]) + r.x * int(g.dilations[1]);
    Expr iy =
        y * int(g.strides[0]) - int(g.padding[0]) + r.y * int(g.dilations[0]);
    acc(o, x, y, n) = cast<float>(rawAt(operands[2], {o}));
    acc(o, x, y, n) += cast<float>(source(o, ix, iy, n)) *
                       cast<float>(rawAt(filter, {r.y, r.x, o}));
    result(o, x, y, n) =
        store(requantized(acc(o, x, y, n), o), op.result.dataType);
    stages.vars = {x, y, o, n};
  } else {
    defineDense(stages, acc, result, source, op, operands, requantized);
  }
  stages.acc = acc;

  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) {
    scheduleConvNhwc(output, stages, target, placement);
  };
  Value value{result, op.result};
  if (spec::hasOpenDims(op.result.shape)) {
    ActivationExtents in =
        activationExtents(spec::InputOperandLayout::Nhwc, input);
    value.openExtents = {
        in.batches,
        windowOutputExtent(in.height, g.heightWindow(g.filterHeight)),
        windowOutputExtent(in.width, g.widthWindow(g.filterWidth)), Expr()};
  }
  return Defined{value, sched};
}

} // namespace webnnc::halide
