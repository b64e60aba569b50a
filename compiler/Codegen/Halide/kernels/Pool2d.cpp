// SPDX-License-Identifier: Apache-2.0
// averagePool2d, l2Pool2d and maxPool2d kernels.
#include <limits>
#include <stdexcept>

#include "Families.h"
#include "Layout.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;

namespace {

std::optional<spec::PoolKind> poolKind(const std::string &kind) {
  if (kind == "max_pool2d")
    return spec::PoolKind::Max;
  if (kind == "average_pool2d")
    return spec::PoolKind::Average;
  if (kind == "l2_pool2d")
    return spec::PoolKind::L2;
  return std::nullopt;
}

// The lowest value of |t|: max pooling's identity.
Expr lowest(Type t) {
  if (t.is_float())
    return make_const(t, -std::numeric_limits<double>::infinity());
  return t.min();
}

// Halide 14 folds comparisons against an int64 minimum constant wrongly
// (a padded int64 max pool came out all 1s), so int64 values are compared
// as uint64 with the sign bit flipped, which keeps their order and makes
// the identity 0.
Expr toOrderedUnsigned(Expr v) {
  return reinterpret(UInt(64), v) ^ make_const(UInt(64), uint64_t(1) << 63);
}
Expr fromOrderedUnsigned(Expr v) {
  return reinterpret(Int(64), v ^ make_const(UInt(64), uint64_t(1) << 63));
}

// Whether the window of output position |o| (stride, leading padding,
// window size and dilation along one axis) holds an element of [0, size).
Expr windowHits(Expr o, int stride, int padding, int window, int dilation,
                Expr size) {
  Expr first = o * stride - padding;
  Expr last = first + (window - 1) * dilation;
  if (dilation == 1)
    return last >= 0 && first < size;
  // Taps at first + k * dilation: the first one at or after 0.
  Expr skip = select(first < 0, (0 - first + dilation - 1) / dilation, 0);
  Expr tap = first + skip * dilation;
  return skip < window && tap < size;
}

// The pooling's Funcs and what its schedule needs of the algorithm.
struct PoolStages {
  spec::Pool2dGeometry g;
  bool nchw = true;
  Type t;
  Var x{"x"}, y{"y"}, c{"c"}, n{"n"};
  RDom r;
  Func acc{"pool_acc"}, count{"pool_count"};
  Expr value; // the pooled value at (accVars)
  std::vector<Var> accVars() const {
    return nchw ? std::vector<Var>{x, y, c, n} : std::vector<Var>{c, x, y, n};
  }
};

spec::Pool2dOptions poolOptions(const kernels::OpSpec &op) {
  spec::Pool2dOptions options;
  options.windowDimensions = op.intList("window_dimensions");
  options.padding = op.intList("padding");
  options.strides = op.intList("strides");
  options.dilations = op.intList("dilations");
  options.layout = layoutAttr(op, "layout");
  options.outputShapeRounding = op.intAttr("output_shape_rounding", 0) == 0
                                    ? spec::RoundingType::Floor
                                    : spec::RoundingType::Ceil;
  options.outputSizes = op.intList("output_sizes");
  return options;
}

// Algorithm: each output element folds its window (max, sum or sum of
// squares), windows reaching outside the input skipping what they miss.
PoolStages poolAlgorithm(spec::PoolKind kind, const Value &input,
                         const spec::Pool2dOptions &options,
                         const spec::Pool2dGeometry &g) {
  PoolStages p;
  p.g = g;
  p.nchw = options.layout == spec::InputOperandLayout::Nchw;
  p.t = computeType(input.type.dataType);
  Type t = p.t;
  Var x = p.x, y = p.y, c = p.c, n = p.n;
  Func acc = p.acc, count = p.count;
  std::vector<Var> accVars = p.accVars();
  RDom r(0, int(g.windowWidth), 0, int(g.windowHeight), "r");
  p.r = r;

  Expr ix =
      x * int(g.strides[1]) - int(g.padding[2]) + r.x * int(g.dilations[1]);
  Expr iy =
      y * int(g.strides[0]) - int(g.padding[0]) + r.y * int(g.dilations[0]);
  // Whether some window reaches outside the input (padding, or a partial
  // window from ceil rounding or outputSizes).
  bool openSize = isOpen(g.inputHeight) || isOpen(g.inputWidth);
  ActivationExtents in = activationExtents(options.layout, input);
  bool mayLeave =
      g.padding[0] || g.padding[2] ||
      // Without sizes, a ceil-rounded or padded window may leave.
      (openSize && (g.padding[1] || g.padding[3] ||
                    options.outputShapeRounding == spec::RoundingType::Ceil)) ||
      (g.outputHeight - 1) * g.strides[0] - g.padding[0] +
              (g.windowHeight - 1) * g.dilations[0] >=
          g.inputHeight ||
      (g.outputWidth - 1) * g.strides[1] - g.padding[2] +
              (g.windowWidth - 1) * g.dilations[1] >=
          g.inputWidth;
  Expr inside = ix >= 0 && ix < in.width && iy >= 0 && iy < in.height;
  Expr safeX = mayLeave ? clamp(ix, 0, in.width - 1) : ix;
  Expr safeY = mayLeave ? clamp(iy, 0, in.height - 1) : iy;
  Expr v = read(input, activationArgs(options.layout, safeX, safeY, c, n));

  Expr value;
  if (kind == spec::PoolKind::Max) {
    bool isInt64 = t == Int(64);
    Type accType = isInt64 ? UInt(64) : t;
    if (isInt64)
      v = toOrderedUnsigned(v);
    acc(accVars) = lowest(accType);
    Expr candidate = mayLeave ? select(inside, v, lowest(accType)) : v;
    Expr current = acc(accVars);
    // NaN-propagating max.
    Expr better = t.is_float() ? (is_nan(candidate) || candidate > current)
                               : candidate > current;
    acc(accVars) = select(better, candidate, current);
    value = isInt64 ? fromOrderedUnsigned(acc(accVars)) : acc(accVars);
    if (mayLeave) {
      // A window holding no input element pools to 0 (webnn-baseline's,
      // and WPT's, value): whether one does depends on the output row and
      // column alone.
      Expr rowsInside =
          windowHits(y, int(g.strides[0]), int(g.padding[0]),
                     int(g.windowHeight), int(g.dilations[0]), in.height);
      Expr columnsInside =
          windowHits(x, int(g.strides[1]), int(g.padding[2]),
                     int(g.windowWidth), int(g.dilations[1]), in.width);
      value = select(rowsInside && columnsInside, value,
                     Internal::make_zero(value.type()));
    }
  } else {
    Expr term = kind == spec::PoolKind::L2 ? v * v : v;
    acc(accVars) = 0.0f;
    acc(accVars) += mayLeave ? select(inside, term, 0.0f) : term;
    if (kind == spec::PoolKind::L2) {
      value = sqrt(acc(accVars));
    } else if (mayLeave) {
      // Padding does not count: divide by the window's elements inside.
      count(x, y) = 0;
      count(x, y) += select(inside, 1, 0);
      Expr k = count(x, y);
      value = select(k > 0, acc(accVars) / cast<float>(k), 0.0f);
    } else {
      value = acc(accVars) / float(g.windowHeight * g.windowWidth);
    }
  }
  p.value = value;
  return p;
}

// Schedule: output vectors along the innermost dimension, the accumulator
// per vector; tiles of rows (and a channel block in nchw) across threads;
// a fused producer placed per tile, per channel block, or sliding down a
// band of rows.
void schedulePool2d(const PoolStages &p, Func output, const Target &target,
                    const Placement &placement) {
  const spec::Pool2dGeometry &g = p.g;
  bool nchw = p.nchw;
  Var x = p.x, c = p.c;
  Type t = p.t;
  RDom r = p.r;
  Func acc = p.acc, count = p.count;
  std::vector<Var> ov = output.args();
  Var vec = ov[0]; // the innermost: x for nchw, c for nhwc
  Var accVec = nchw ? x : c;
  int64_t vecExtent = nchw ? g.outputWidth : g.channels;
  int vw = vectorWidth(target, t, vecExtent);
  Var vo("vo"), vi("vi");
  output.split(vec, vo, vi, vw, tailFor(vecExtent, vw, placement))
      .vectorize(vi);
  if (isOpen(vecExtent)) {
    // The last tile may be partial: guard the accumulator's vectors too.
    acc.compute_at(output, vo).vectorize(accVec, vw, TailStrategy::GuardWithIf);
    acc.update().vectorize(accVec, vw, TailStrategy::GuardWithIf);
  } else {
    acc.compute_at(output, vo).vectorize(accVec);
    acc.update().vectorize(accVec);
  }
  // Small windows unrolled: LLVM does it, except in deterministic
  // kernels, compiled without its loop passes.
  if (isDeterministic(target) && g.windowHeight * g.windowWidth <= 9)
    acc.update().unroll(r.x).unroll(r.y);
  if (count.defined())
    count.compute_root();
  int64_t work = sizeHint(g.batches) * sizeHint(g.channels) *
                 sizeHint(g.outputHeight) * sizeHint(g.outputWidth) *
                 g.windowHeight * g.windowWidth;
  bool parallel = placement.root && worthParallel(work);
  Func producer = placement.producer;
  if (nchw) {
    // Tiles of output rows times a block of channels, so that a fused
    // producer (a conv computing a few channel vectors at a time) is
    // computed once per tile for all the channels the tile pools, and
    // a single-row (global) pool still splits across threads. Several
    // rows per tile, so overlapping windows recompute few producer rows.
    Var y = ov[1], c = ov[2];
    Var co("co"), ci("ci"), yo("yo"), yi("yi"), tiles("tiles");
    int block = int(std::min<int64_t>(sizeHint(g.channels), 32));
    int rows = int(std::min<int64_t>(sizeHint(g.outputHeight), 8));
    output.split(c, co, ci, block, tailFor(g.channels, block, placement))
        .split(y, yo, yi, rows, tailFor(g.outputHeight, rows, placement))
        .reorder(vi, vo, ci, yi, yo, co)
        .fuse(yo, co, tiles);
    if (parallel)
      output.parallel(tiles);
    if (producer.defined())
      producer.compute_at(output, tiles);
  } else if (parallel && sizeHint(g.outputHeight) < 4) {
    // A few rows (global pooling): blocks of channels across threads, a
    // fused producer computed for its block's channels only.
    Var cb("cb"), vb("vb");
    output.split(vo, cb, vb, std::max(1, 128 / vw), TailStrategy::GuardWithIf)
        .reorder(vi, vb, ov[1], ov[2], cb, ov[3])
        .parallel(cb);
    acc.compute_at(output, vb);
    if (producer.defined())
      producer.compute_at(output, cb);
  } else {
    // Rows in bands, a band per thread. A fused producer slides down its
    // band: kept from the band's start, computed a pooling row at a time,
    // so rows that overlapping windows share (a 3x3 stride-2 pool reads
    // each producer row 1.5 times) are computed once.
    Var y = ov[2], yo("yo"), yi("yi");
    int64_t rows = sizeHint(g.outputHeight);
    int band = int(parallel ? (rows + 7) / 8 : rows);
    output.split(y, yo, yi, band, TailStrategy::GuardWithIf);
    if (parallel)
      output.parallel(yo);
    if (producer.defined())
      producer.store_at(output, yo).compute_at(output, yi);
  }
}

} // namespace

std::optional<Defined> definePool2d(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands) {
  std::optional<spec::PoolKind> kind = poolKind(op.kind);
  if (!kind)
    return std::nullopt;
  if (operands.empty())
    throw std::runtime_error(op.kind + " needs an input");
  const Value &input = operands[0];
  spec::Pool2dOptions options = poolOptions(op);
  auto geometry = spec::resolvePool2d(*kind, input.descriptor(), options);
  if (!geometry)
    throw std::runtime_error(geometry.error().format(spec::toString(*kind)));
  const spec::Pool2dGeometry g = *geometry;
  bool nchw = options.layout == spec::InputOperandLayout::Nchw;
  PoolStages stages = poolAlgorithm(*kind, input, options, g);
  Func result(op.kind);
  result(stages.accVars()) = store(stages.value, op.result.dataType);
  Schedule sched = [stages](Func output, const Target &target,
                            const Placement &placement) {
    schedulePool2d(stages, output, target, placement);
  };
  Value pooled{result, op.result};
  ActivationExtents in = activationExtents(options.layout, input);
  if (spec::hasOpenDims(op.result.shape)) {
    bool ceil = options.outputShapeRounding == spec::RoundingType::Ceil;
    Expr oh =
        windowOutputExtent(in.height, g.heightWindow(g.windowHeight), ceil);
    Expr ow = windowOutputExtent(in.width, g.widthWindow(g.windowWidth), ceil);
    pooled.openExtents =
        nchw ? std::vector<Expr>{in.batches, in.channels, oh, ow}
             : std::vector<Expr>{in.batches, oh, ow, in.channels};
  }
  return Defined{pooled, sched};
}

} // namespace webnnc::halide
