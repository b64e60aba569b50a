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

// Canonical roles of a Func's variables.
struct ConvVars {
  Var x, y, o, n;
};

// Which output dimension a conv's tiles vectorize. Along output channels,
// every reduction step is one vector load of the packed filter (hwio: the
// output channel is innermost) and one broadcast of an input element per
// output column; in nchw the accumulator tile is then stored transposed,
// once per tile, a cost only a long reduction amortizes. Along output
// columns (nchw only), stores are plain vectors, but short rows leave lanes
// idle and strided windows need shuffled loads; depthwise convs go this
// way. The estimates below were fitted to measured kernels (bench/kernels.py).
bool vectorizeChannels(const spec::Conv2dGeometry &g, bool nchw,
                       const Target &target) {
  if (!nchw)
    return true;
  int64_t outPerGroup = g.outputChannels / g.groups;
  int64_t inPerGroup = g.inputChannels / g.groups;
  if (g.groups > 1 && (outPerGroup < 8 || inPerGroup < 8))
    return false;
  // The fraction of vector lanes doing useful work either way.
  auto used = [&](int64_t extent) {
    int vw = vectorWidth(target, Float(32), extent);
    int64_t vectors = (sizeHint(extent) + vw - 1) / vw;
    int natural = target.natural_vector_size(Float(32));
    return double(sizeHint(extent)) / double(vectors * natural);
  };
  double reduction = double(inPerGroup * g.filterHeight * g.filterWidth);
  double channels = used(g.outputChannels) * reduction / (reduction + 32);
  double columns = used(g.outputWidth) * (g.strides[1] > 1 ? 0.75 : 1.0);
  return channels >= columns;
}

// Output columns per tile: the divisor-friendly count up to |most| that
// wastes the fewest recomputed columns at the row's end (larger on ties).
int columnsPerTile(int64_t width, int most) {
  if (isOpen(width))
    return most;
  if (width <= most)
    return int(width);
  int best = most;
  int64_t bestWaste = -1;
  for (int t = most; t >= most / 2; --t) {
    int64_t waste = (t - width % t) % t;
    if (bestWaste < 0 || waste < bestWaste) {
      best = t;
      bestWaste = waste;
    }
  }
  return best;
}

// Whether a conv is depthwise in the sense the channel-plane schedule
// needs: each output channel reads one input channel (multiplier 1), nchw,
// vectorized along output columns.
bool isDepthwisePlane(const spec::Conv2dGeometry &g, bool nchw,
                      bool channels) {
  return nchw && !channels && g.groups > 1 &&
         g.inputChannels == g.groups && g.outputChannels == g.groups;
}

// Depthwise schedule: one channel plane at a time, its zero-padded input
// computed inside the plane's loop (a few tens of KB, hot in L1/L2 while
// the window slides over it), tiles of a few rows by a few column vectors
// in registers. Threads split the channels, so a plane's input, its padding
// and its output all stay on one core. (Padding the whole input first, split
// by channel, then the output by rows, made every thread read the other's
// padded planes, and a 112x112 depthwise spent more time padding than
// convolving.)
void scheduleDepthwise(Func output, ConvVars out, Func acc, ConvVars a,
                       Func padded, RDom r, const spec::Conv2dGeometry &g,
                       const Target &target, const Placement &placement) {
  Type f32 = Float(32);
  int vw = vectorWidth(target, f32, g.outputWidth);
  int tv = sizeHint(g.outputWidth) >= 2 * vw ? 2 * vw : vw;
  int ty = int(std::min<int64_t>(sizeHint(g.outputHeight), 4));
  TailStrategy inPlaceSafe =
      placement.inPlace ? TailStrategy::GuardWithIf : TailStrategy::ShiftInwards;
  Var xo("xo"), xi("xi"), yo("yo"), yi("yi");
  output.split(out.x, xo, xi, tv, tailFor(g.outputWidth, inPlaceSafe))
      .split(out.y, yo, yi, ty, tailFor(g.outputHeight, inPlaceSafe))
      .reorder(xi, yi, xo, yo, out.o, out.n)
      .vectorize(xi, vw)
      .unroll(yi);
  acc.compute_at(output, xo).vectorize(a.x, vw).unroll(a.y);
  Var vvo("vvo"), vvi("vvi");
  acc.update()
      .reorder(a.x, a.y, r.x, r.y, r.z)
      .split(a.x, vvo, vvi, vw, TailStrategy::GuardWithIf)
      .vectorize(vvi)
      .unroll(vvo)
      .unroll(a.y);
  int64_t work = sizeHint(g.batches) * g.outputChannels *
                 sizeHint(g.outputHeight) * sizeHint(g.outputWidth) *
                 g.filterHeight * g.filterWidth;
  Var plane = out.o;
  if (placement.root && worthParallel(work)) {
    Var planes("planes");
    output.fuse(out.o, out.n, planes).parallel(planes);
    plane = planes;
  }
  if (padded.defined()) {
    std::vector<Var> pv = padded.args();
    padded.compute_at(output, plane).vectorize(pv[0], vw);
  }
}

// Schedule. The accumulator Func is computed per output tile, a few vectors
// along the vectorized dimension times a few of the other, so the running
// sums stay in registers while the reduction streams over the filter.
void schedule(Func output, ConvVars out, Func acc, ConvVars a, Func padded,
              RDom r, const spec::Conv2dGeometry &g, bool nchw,
              bool channels, const Target &target,
              const Placement &placement) {
  Type f32 = Float(32);
  int64_t vecExtent = channels ? g.outputChannels : g.outputWidth;
  int64_t crossExtent = channels ? g.outputWidth : g.outputChannels;
  int vw = vectorWidth(target, f32, vecExtent);
  int tv = sizeHint(vecExtent) >= 2 * vw ? 2 * vw : vw;
  // Accumulators: (tv / vw) vectors per column, at most ~24 of the 32
  // vector registers, the rest for filter vectors and broadcasts.
  int tc = channels ? columnsPerTile(crossExtent, 24 / (tv / vw))
                    : int(std::min<int64_t>(sizeHint(crossExtent), 24 / (tv / vw)));
  TailStrategy inPlaceSafe =
      placement.inPlace ? TailStrategy::GuardWithIf : TailStrategy::ShiftInwards;
  Var vec = channels ? out.o : out.x, cross = channels ? out.x : out.o;
  Var accVec = channels ? a.o : a.x, accCross = channels ? a.x : a.o;
  Var vo("vo"), vi("vi"), co("co"), ci("ci");
  output.split(vec, vo, vi, tv, tailFor(vecExtent, inPlaceSafe))
      .split(cross, co, ci, tc, tailFor(crossExtent, inPlaceSafe));
  if (channels && nchw) {
    // Stored transposed: columns innermost, each a run of scalars.
    output.reorder(ci, vi, co, out.y, vo, out.n).unroll(ci);
    acc.reorder_storage(a.o, a.x, a.y, a.n);
  } else {
    output.reorder(vi, ci, co, out.y, vo, out.n).vectorize(vi, vw).unroll(ci);
  }
  acc.compute_at(output, co).vectorize(accVec, vw).unroll(accCross);
  Var vvo("vvo"), vvi("vvi");
  acc.update()
      .reorder(accVec, accCross, r.x, r.z, r.y)
      .split(accVec, vvo, vvi, vw, TailStrategy::GuardWithIf)
      .vectorize(vvi)
      .unroll(vvo)
      .unroll(accCross);
  int64_t work = sizeHint(g.batches) * g.outputChannels *
                 sizeHint(g.outputHeight) * sizeHint(g.outputWidth) *
                 g.filterHeight * g.filterWidth * (g.inputChannels / g.groups);
  if (placement.root && worthParallel(work)) {
    // Rows and channel tiles both, so a 7-row image still splits evenly.
    Var rows("rows");
    output.fuse(out.y, vo, rows).parallel(rows);
  }
  if (padded.defined()) {
    // The zero-padded input, once per call: vectorized along rows, split
    // across threads by channel (a serial copy costs the depthwise and 1x1
    // convs a good part of their time).
    std::vector<Var> pv = padded.args();
    padded.compute_root().vectorize(pv[0], vectorWidth(target, f32, 64));
    if (placement.root && worthParallel(work))
      padded.parallel(pv[2]);
  }
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
    bool channels = vectorizeChannels(g, nchw, target);
    if (isDepthwisePlane(g, nchw, channels))
      scheduleDepthwise(output, out, acc, ConvVars{x, y, o, n}, padded, r, g,
                        target, placement);
    else
      schedule(output, out, acc, ConvVars{x, y, o, n}, padded, r, g, nchw,
               channels, target, placement);
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
