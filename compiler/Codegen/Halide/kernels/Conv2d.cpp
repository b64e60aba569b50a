// SPDX-License-Identifier: Apache-2.0
// conv2d kernels (any input and filter layout, groups, dilations, padding)
// and packed_conv2d (channels-last, filter in output-channel panels): the
// algorithm. Schedules are in Conv2dSchedule*.cpp.
#include <stdexcept>

#include "Conv2dSchedule.h"
#include "Families.h"
#include "Layout.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

// The spec's options, from the op's attributes.
spec::Conv2dOptions conv2dOptions(const kernels::OpSpec &op,
                                  const std::vector<Value> &operands) {
  spec::Conv2dOptions options;
  options.padding = op.intList("padding");
  options.strides = op.intList("strides");
  options.dilations = op.intList("dilations");
  options.groups = op.intAttr("groups", 1);
  options.inputLayout = layoutAttr(op, "input_layout");
  options.filterLayout =
      static_cast<spec::Conv2dFilterOperandLayout>(op.intAttr("filter_layout", 0));
  if (op.kind == "packed_conv2d") {
    options.inputLayout = spec::InputOperandLayout::Nhwc;
    options.filterLayout = spec::Conv2dFilterOperandLayout::Hwio;
  }
  if (operands.size() > 2)
    options.bias = spec::OperandDescriptor{operands[2].type.dataType,
                                           operands[2].type.shape};
  return options;
}

// The filter a packed_conv2d's panels [O/P, h, w, i, P] hold, as hwio.
spec::OperandDescriptor unpackedFilter(const kernels::OpSpec &op,
                                       const Value &packed) {
  const spec::Shape &shape = packed.type.shape;
  if (shape.size() != 5)
    throw std::runtime_error("packed_conv2d needs a 5-D packed filter");
  return {packed.type.dataType,
          {shape[1], shape[2], shape[3], op.intAttr("output_channels", 0)}};
}

} // namespace

Placement wholeColumns(Func output, const ConvVars &out,
                       const spec::Conv2dGeometry &g,
                       const Placement &placement) {
  if (placement.root || isOpen(g.outputWidth))
    return placement;
  output.bound(out.x, 0, int(g.outputWidth));
  Placement whole = placement;
  whole.root = true;
  return whole;
}

std::optional<Defined> defineConv2d(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands) {
  bool packed = op.kind == "packed_conv2d";
  if (op.kind != "conv2d" && !packed)
    return std::nullopt;
  if (operands.size() < 2)
    throw std::runtime_error(op.kind + " needs input and filter");
  const Value &input = operands[0], &filter = operands[1];
  spec::Conv2dOptions options = conv2dOptions(op, operands);
  auto geometry = spec::resolveConv2d(
      input.descriptor(),
      packed ? unpackedFilter(op, filter) : filter.descriptor(), options);
  if (!geometry)
    throw std::runtime_error(geometry.error().format("conv2d"));
  ConvStages stages;
  const spec::Conv2dGeometry &g = stages.geometry = *geometry;
  stages.nchw = options.inputLayout == spec::InputOperandLayout::Nchw;

  // Canonical input access, zero outside the input.
  Var x("x"), y("y"), c("c"), o("o"), n("n");
  Func canonical("input_canonical");
  canonical(x, y, c, n) = read(input, activationArgs(options.inputLayout, x, y, c, n));
  bool hasPadding = g.padding[0] || g.padding[1] || g.padding[2] || g.padding[3];
  Func source = canonical;
  if (hasPadding) {
    // The input's extents: constants, or the buffer's at compute.
    ActivationExtents in = activationExtents(options.inputLayout, input);
    stages.padded = BoundaryConditions::constant_exterior(
        canonical, 0.0f,
        {{0, in.width}, {0, in.height}, {0, in.channels}, {0, in.batches}});
    source = stages.padded;
  }
  int64_t inPerGroup = g.inputChannels / g.groups;
  int64_t outPerGroup = g.outputChannels / g.groups;
  RDom r(0, int(g.filterWidth), 0, int(g.filterHeight), 0, int(inPerGroup),
         "r");
  stages.r = r;
  Expr ix = x * int(g.strides[1]) - int(g.padding[2]) + r.x * int(g.dilations[1]);
  Expr iy = y * int(g.strides[0]) - int(g.padding[0]) + r.y * int(g.dilations[0]);
  bool hasBias = operands.size() > 2;

  Func acc("conv_acc");
  Func result(op.kind);
  if (packed) {
    // acc(p, panel, ...) sums output channel panel * P + p, so that a tile
    // of one panel reads it as filter(p, ...) contiguously; channels past
    // the last real one (a partial panel) read zero weights and a clamped
    // bias, and are never stored.
    int P = int(filter.type.shape[4]);
    Var p("p"), panel("panel");
    Expr channel = min(panel * P + p, int(g.outputChannels) - 1);
    acc(p, panel, x, y, n) = hasBias ? read(operands[2], {channel}) : Expr(0.0f);
    acc(p, panel, x, y, n) += source(ix, iy, r.z, n) *
                              read(filter, {Expr(p), r.z, r.x, r.y, Expr(panel)});
    result(o, x, y, n) =
        store(acc(o % P, o / P, x, y, n), op.result.dataType);
    stages.vars = {x, y, p, n};
    stages.panel = panel;
    stages.panelWidth = P;
  } else {
    Expr channel = g.groups == 1
                       ? Expr(r.z)
                       : (o / int(outPerGroup)) * int(inPerGroup) + r.z;
    // The accumulator's storage follows the output layout, so the
    // vectorized dimension is contiguous.
    std::vector<Var> accVars = stages.nchw ? std::vector<Var>{x, y, o, n}
                                           : std::vector<Var>{o, x, y, n};
    acc(accVars) = hasBias ? read(operands[2], {Expr(o)}) : Expr(0.0f);
    acc(accVars) += source(ix, iy, channel, n) *
                    read(filter, filterArgs(options.filterLayout, r.x, r.y,
                                            r.z, o));
    result(accVars) = store(acc(accVars), op.result.dataType);
    stages.vars = {x, y, o, n};
  }
  stages.acc = acc;

  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) {
    if (!stages.nchw && (g.groups == 1 || isDepthwise(g)))
      scheduleConvNhwc(output, stages, target, placement);
    else
      scheduleConvNchw(output, stages, target, placement);
  };
  Value value{result, op.result};
  if (spec::hasOpenDims(op.result.shape)) {
    // Output sizes from the input's, for a consumer inside this kernel.
    ActivationExtents in = activationExtents(options.inputLayout, input);
    Expr oh = windowOutputExtent(in.height, g.heightWindow(g.filterHeight));
    Expr ow = windowOutputExtent(in.width, g.widthWindow(g.filterWidth));
    value.openExtents = stages.nchw
                            ? std::vector<Expr>{in.batches, Expr(), oh, ow}
                            : std::vector<Expr>{in.batches, oh, ow, Expr()};
  }
  return Defined{value, sched};
}

} // namespace webnnc::halide
