// SPDX-License-Identifier: Apache-2.0
// conv2d kernels (any input and filter layout, groups, dilations, padding).
#include <stdexcept>

#include "Families.h"
#include "Layout.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;

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
  if (operands.size() > 2)
    options.bias = spec::OperandDescriptor{operands[2].type.dataType,
                                           operands[2].type.shape};
  return options;
}

// Schedule. The accumulator Func is computed per output tile: a few
// vectors along the contiguous output dimension (x for nchw, channels for
// nhwc) times a few rows of the other, so the running sums stay in
// registers while the reduction streams over the filter.
// Canonical roles of a Func's variables.
struct ConvVars {
  Var x, y, o, n;
};

void schedule(Func output, ConvVars out, Func acc, ConvVars a, Func padded,
              RDom r, const spec::Conv2dGeometry &g, bool nchw,
              const Target &target, const Placement &placement) {
  Type f32 = Float(32);
  // Along the vector dimension: up to two vectors. Across: up to four.
  int64_t vecExtent = nchw ? g.outputWidth : g.outputChannels;
  int64_t crossExtent = nchw ? g.outputChannels : g.outputWidth;
  int vw = vectorWidth(target, f32, vecExtent);
  int tv = sizeHint(vecExtent) >= 2 * vw ? 2 * vw : vw;
  int tc = static_cast<int>(std::min<int64_t>(sizeHint(crossExtent), 4));
  Var vec = nchw ? out.x : out.o, cross = nchw ? out.o : out.x;
  Var accVec = nchw ? a.x : a.o, accCross = nchw ? a.o : a.x;
  Var vo("vo"), vi("vi"), co("co"), ci("ci");
  output.split(vec, vo, vi, tv, tailFor(vecExtent, TailStrategy::ShiftInwards))
      .split(cross, co, ci, tc,
             tailFor(crossExtent, TailStrategy::ShiftInwards))
      .reorder(vi, ci, vo, co, out.y, out.n)
      .vectorize(vi, vw)
      .unroll(ci);
  acc.compute_at(output, vo).vectorize(accVec, vw).unroll(accCross);
  Var vvo("vvo"), vvi("vvi");
  acc.update()
      .reorder(accVec, accCross, r.x, r.y, r.z)
      .split(accVec, vvo, vvi, vw, TailStrategy::GuardWithIf)
      .vectorize(vvi)
      .unroll(vvo)
      .unroll(accCross);
  int64_t work = sizeHint(g.batches) * g.outputChannels *
                 sizeHint(g.outputHeight) * sizeHint(g.outputWidth) *
                 g.filterHeight * g.filterWidth * (g.inputChannels / g.groups);
  if (placement.root && worthParallel(work))
    output.parallel(out.y);
  if (padded.defined())
    padded.compute_root();
}

} // namespace

std::optional<Defined> defineConv2d(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands) {
  if (op.kind != "conv2d")
    return std::nullopt;
  if (operands.size() < 2)
    throw std::runtime_error("conv2d needs input and filter");
  const Value &input = operands[0], &filter = operands[1];
  spec::Conv2dOptions options = conv2dOptions(op, operands);
  auto geometry = spec::resolveConv2d(
      input.descriptor(),
      filter.descriptor(), options);
  if (!geometry)
    throw std::runtime_error(geometry.error().format("conv2d"));
  const spec::Conv2dGeometry g = *geometry;
  bool nchw = options.inputLayout == spec::InputOperandLayout::Nchw;

  // Algorithm. Canonical input access, zero outside the input.
  Var x("x"), y("y"), c("c"), o("o"), n("n");
  Func canonical("input_canonical");
  canonical(x, y, c, n) = read(input, activationArgs(options.inputLayout, x, y, c, n));
  bool hasPadding = g.padding[0] || g.padding[1] || g.padding[2] || g.padding[3];
  Func padded;
  Func source = canonical;
  if (hasPadding) {
    // The input's extents: constants, or the buffer's at compute.
    ActivationExtents in = activationExtents(options.inputLayout, input);
    padded = BoundaryConditions::constant_exterior(
        canonical, 0.0f,
        {{0, in.width}, {0, in.height}, {0, in.channels}, {0, in.batches}});
    source = padded;
  }
  int64_t inPerGroup = g.inputChannels / g.groups;
  int64_t outPerGroup = g.outputChannels / g.groups;
  RDom r(0, int(g.filterWidth), 0, int(g.filterHeight), 0, int(inPerGroup),
         "r");
  Expr channel = g.groups == 1 ? Expr(r.z) : (o / int(outPerGroup)) * int(inPerGroup) + r.z;
  Expr ix = x * int(g.strides[1]) - int(g.padding[2]) + r.x * int(g.dilations[1]);
  Expr iy = y * int(g.strides[0]) - int(g.padding[0]) + r.y * int(g.dilations[0]);

  // The accumulator's storage follows the output layout, so the vectorized
  // dimension is contiguous.
  Func acc("conv_acc");
  std::vector<Var> accVars = nchw ? std::vector<Var>{x, y, o, n}
                                  : std::vector<Var>{o, x, y, n};
  Expr init = operands.size() > 2 ? read(operands[2], {Expr(o)}) : Expr(0.0f);
  acc(accVars) = init;
  acc(accVars) += source(ix, iy, channel, n) *
                  read(filter, filterArgs(options.filterLayout, r.x, r.y, r.z, o));

  Func result("conv2d");
  result(accVars) = store(acc(accVars), op.result.dataType);

  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) {
    std::vector<Var> v = output.args();
    ConvVars out = nchw ? ConvVars{v[0], v[1], v[2], v[3]}
                        : ConvVars{v[1], v[2], v[0], v[3]};
    schedule(output, out, acc, ConvVars{x, y, o, n}, padded, r, g, nchw,
             target, placement);
  };
  Value value{result, op.result};
  if (spec::hasOpenDims(op.result.shape)) {
    // Output sizes from the input's, for a consumer inside this kernel.
    ActivationExtents in = activationExtents(options.inputLayout, input);
    Expr oh = windowOutputExtent(in.height, g.padding[0] + g.padding[1],
                                 g.filterHeight, g.dilations[0], g.strides[0]);
    Expr ow = windowOutputExtent(in.width, g.padding[2] + g.padding[3],
                                 g.filterWidth, g.dilations[1], g.strides[1]);
    value.openExtents = nchw ? std::vector<Expr>{in.batches, Expr(), oh, ow}
                             : std::vector<Expr>{in.batches, oh, ow, Expr()};
  }
  return Defined{value, sched};
}

} // namespace webnnc::halide
