// SPDX-License-Identifier: Apache-2.0
// conv2d schedules for nchw data (and grouped channels-last convs that are
// not depthwise): tiles vectorized along output channels or along rows.
#include "Conv2dSchedule.h"
#include "webnnc/KernelSpec/ConvTiles.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

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
  Var xo("xo"), xi("xi"), yo("yo"), yi("yi");
  Placement whole = wholeColumns(output, out, g, placement);
  output.split(out.x, xo, xi, tv, tailFor(g.outputWidth, tv, whole))
      .split(out.y, yo, yi, ty, tailFor(g.outputHeight, ty, placement))
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
  Var plane = out.o;
  if (placement.root && worthParallel(convWork(g))) {
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
  // Accumulators: (tv / vw) vectors per column, three quarters of the
  // vector registers, the rest for filter vectors and broadcasts.
  int sums = kernels::accumulatorRegisters(
      kernels::vectorRegisters(target.to_string()));
  int tc =
      channels
          ? columnsPerTile(crossExtent, sums / (tv / vw))
          : int(std::min<int64_t>(sizeHint(crossExtent), sums / (tv / vw)));
  Var vec = channels ? out.o : out.x, cross = channels ? out.x : out.o;
  Var accVec = channels ? a.o : a.x, accCross = channels ? a.x : a.o;
  Var vo("vo"), vi("vi"), co("co"), ci("ci");
  Placement whole = wholeColumns(output, out, g, placement);
  output.split(vec, vo, vi, tv,
               tailFor(vecExtent, tv, channels ? placement : whole))
      .split(cross, co, ci, tc,
             tailFor(crossExtent, tc, channels ? whole : placement));
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
  if (placement.root && worthParallel(convWork(g))) {
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
    if (placement.root && worthParallel(convWork(g)))
      padded.parallel(pv[2]);
  }
}

} // namespace

void scheduleConvNchw(Func output, const ConvStages &s, const Target &target,
                      const Placement &placement) {
  std::vector<Var> v = output.args();
  ConvVars out = s.nchw ? ConvVars{v[0], v[1], v[2], v[3]}
                        : ConvVars{v[1], v[2], v[0], v[3]};
  const spec::Conv2dGeometry &g = s.geometry;
  bool channels = vectorizeChannels(g, s.nchw, target);
  if (isDepthwisePlane(g, s.nchw, channels))
    scheduleDepthwise(output, out, s.acc, s.vars, s.padded, s.r, g, target,
                      placement);
  else
    schedule(output, out, s.acc, s.vars, s.padded, s.r, g, s.nchw, channels,
             target, placement);
}

} // namespace webnnc::halide
