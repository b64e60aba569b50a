// SPDX-License-Identifier: Apache-2.0
// conv2d schedules for channels-last data: dense convs (with a packed or an
// hwio filter) and depthwise convs, tiled as webnnc/KernelSpec/ConvTiles.h
// plans.
#include <algorithm>

#include "Conv2dSchedule.h"
#include "webnnc/KernelSpec/ConvTiles.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

// A depthwise conv's fused producer (the conv that expands its channels)
// slides down a band of output rows: computed as each row tile needs new
// rows, so rows that neighbouring windows share are computed once per
// band, into a ring of rows just deep enough for one tile's windows (the
// expanded tensor never goes through memory, and the ring stays in the L1
// or L2 cache; a whole band's rows, allocated per band, made the kernel
// slower than two). Bands (one per thread at a time, an even count) hold
// at least 16 producer rows each: each band recomputes the rows its first
// windows share with the band above.
void slideProducer(Func output, Func producer, const spec::Conv2dGeometry &g,
                   const kernels::ConvTiles &plan, Var yo, bool parallel) {
  int64_t rowTiles = (sizeHint(g.outputHeight) + plan.rows - 1) / plan.rows;
  int64_t producerRows = sizeHint(g.outputHeight) * g.strides[0];
  int64_t bands = parallel ? std::max<int64_t>(2, 2 * (producerRows / 32)) : 1;
  bands = std::min(bands, rowTiles);
  Var band("band"), yt("yt");
  output.split(yo, band, yt, int((rowTiles + bands - 1) / bands),
               TailStrategy::GuardWithIf);
  if (parallel)
    output.parallel(band);
  // The rows one tile's windows span. The kernels run without Halide's
  // asserts, so a ring too small would go unnoticed: it is exact.
  int64_t span = (plan.rows - 1) * g.strides[0] +
                 (g.filterHeight - 1) * g.dilations[0] + 1;
  int ring = 1;
  while (ring < span)
    ring *= 2;
  producer.store_at(output, band)
      .compute_at(output, yt)
      .fold_storage(producer.args()[2], ring);
}

// A dense conv with a large filter over a map of many tiles sums in blocks
// of (filter tap, kc input channels): for each block, every panel's tiles
// over a band of output rows add the block's terms to the band's sums,
// kept in a buffer between blocks. The block's slice of a panel (kc x P
// floats) then stays in the L1 cache while the band's tiles read it, and
// the band's input slice stays in the L2 cache while the panels read it;
// whole sums per tile read the whole panel (taps x channels x P) from the
// L2 cache or beyond for every tile, and the whole image per panel
// (DeepLabV3's dilated 2048-channel convs ran at 14-26 GFLOP/s so). Each
// element's terms are added in the same order as without blocks.
struct SumBlocks {
  int kc = 0;       // input channels per block
  int bandTiles = 0; // row tiles per band
  bool padPerBand = false;
};

SumBlocks planSumBlocks(const spec::Conv2dGeometry &g,
                        const kernels::ConvTiles &plan, int64_t panelWidth,
                        bool parallel) {
  SumBlocks b;
  int64_t cin = g.inputChannels;
  for (int c = 256; c >= 64 && !b.kc; c -= 8)
    if (cin % c == 0 && cin >= 2 * c)
      b.kc = c;
  if (!b.kc)
    b.kc = int(std::min<int64_t>(cin, 256));
  // Bands whose sums take at most 512 KB (a quarter of the L2 cache here).
  int64_t channels = (g.outputChannels + panelWidth - 1) / panelWidth *
                     panelWidth;
  int64_t columns = (g.outputWidth + plan.columns - 1) / plan.columns *
                    plan.columns;
  int64_t tileBytes = plan.rows * columns * channels * 4;
  int64_t rowTiles = (g.outputHeight + plan.rows - 1) / plan.rows;
  int64_t tiles = std::max<int64_t>(1, (512 << 10) / tileBytes);
  if (parallel && g.batches == 1)
    tiles = std::min(tiles, (rowTiles + 1) / 2); // a band per thread
  b.bandTiles = int(std::clamp<int64_t>(tiles, 1, rowTiles));
  // The zero-padded input per band unless the window's rows span more
  // than the band's own (dilated windows): then once for the image.
  int64_t bandRows = b.bandTiles * plan.rows * g.strides[0];
  b.padPerBand = (g.filterHeight - 1) * g.dilations[0] <= bandRows;
  return b;
}

void scheduleBlockedSums(Func output, const ConvStages &s, const ConvVars &out,
                         const kernels::ConvTiles &plan, int lanes,
                         const SumBlocks &b, const Target &target,
                         const Placement &placement, bool parallel) {
  const spec::Conv2dGeometry &g = s.geometry;
  Var vo("vo"), vi("vi"), xo("xo"), xi("xi"), yo("yo"), yi("yi"),
      band("band"), yt("yt");
  output.split(out.o, vo, vi, int(s.panelWidth), TailStrategy::GuardWithIf)
      .split(out.x, xo, xi, plan.columns,
             tailFor(g.outputWidth, plan.columns, placement))
      .split(out.y, yo, yi, plan.rows,
             tailFor(g.outputHeight, plan.rows, placement))
      .split(yo, band, yt, b.bandTiles, TailStrategy::GuardWithIf)
      .reorder(vi, xi, yi, xo, yt, vo, band, out.n)
      .vectorize(vi, lanes, TailStrategy::GuardWithIf)
      .unroll(xi)
      .unroll(yi);
  // Bands of every image to the threads.
  Var bands = band;
  if (parallel && g.batches > 1) {
    bands = Var("bands");
    output.fuse(band, out.n, bands);
  }
  if (parallel)
    output.parallel(bands);

  const ConvVars &a = s.vars;
  Func acc = s.acc;
  acc.compute_at(output, bands).vectorize(a.o, lanes, TailStrategy::GuardWithIf);
  RVar zo("zo"), zi("zi");
  Var ao("ao"), ai("ai"), axo("axo"), axi("axi"), ayo("ayo"), ayi("ayi");
  acc.update()
      .split(s.r.z, zo, zi, b.kc, TailStrategy::GuardWithIf)
      .split(a.x, axo, axi, plan.columns, TailStrategy::GuardWithIf)
      .split(a.y, ayo, ayi, plan.rows, TailStrategy::GuardWithIf)
      .split(a.o, ao, ai, lanes, TailStrategy::GuardWithIf)
      .reorder(ai, ao, axi, ayi, zi, axo, ayo, s.panel, zo, s.r.x, s.r.y)
      .vectorize(ai)
      .unroll(ao)
      .unroll(axi)
      .unroll(ayi);
  if (!s.padded.defined())
    return;
  // Stored channels innermost, as the input: a tile's columns then read
  // from contiguous channels (stored by column, each input channel's
  // columns are a plane apart, a stride that maps the tile's reads onto a
  // few cache sets).
  Func padded = s.padded;
  std::vector<Var> pv = padded.args();
  padded.reorder_storage(pv[2], pv[0], pv[1], pv[3])
      .reorder(pv[2], pv[0], pv[1], pv[3])
      .vectorize(pv[2], vectorWidth(target, Float(32), g.inputChannels),
                 TailStrategy::GuardWithIf);
  if (b.padPerBand) {
    padded.compute_at(output, bands);
  } else {
    padded.compute_root();
    if (parallel)
      padded.parallel(pv[2]);
  }
}

} // namespace

// Register tiles of output-channel vectors times columns (times rows),
// their sums in registers while the reduction runs over the window and,
// innermost, the input channels: each column's input is read in order and
// the filter's output-channel vectors are contiguous (a packed filter's
// whole panel is one stream). The tile's channels are one filter panel,
// so the accumulator always covers whole panels and the output guards the
// last, partial one.
//
// Loop order: a small filter stays in cache while the tiles sweep the
// image row band by row band; a large one is swept once, its panels the
// outer loop, each sliding over the whole image while it stays in the L2
// cache, or, for a root float conv of static sizes, sums in blocks
// (scheduleBlockedSums).
//
void scheduleConvNhwc(Func output, const ConvStages &s, const Target &target,
                      const Placement &placement) {
  const spec::Conv2dGeometry &g = s.geometry;
  std::vector<Var> v = output.args();
  ConvVars out{v[1], v[2], v[0], v[3]};
  bool depthwise = isDepthwise(g);
  int natural = target.natural_vector_size(Float(32));
  int registers = kernels::vectorRegisters(target.to_string());
  int lanes, tileChannels;
  kernels::ConvTiles plan;
  spec::Conv2dGeometry planned = g;
  if (placement.singleRowTiles)
    planned.outputHeight = 1;
  if (s.panelWidth) {
    lanes = std::min<int>(natural, int(s.panelWidth));
    plan = kernels::planConvTiles(planned, lanes, registers, false,
                                  int(s.panelWidth) / lanes);
    tileChannels = int(s.panelWidth);
  } else {
    lanes = vectorWidth(target, Float(32), g.outputChannels);
    plan = kernels::planConvTiles(planned, lanes, registers, depthwise);
    tileChannels = plan.vectors * lanes;
  }
  bool filterOuter = kernels::largeFilter(g, s.dotTerms ? 1 : 4);
  bool parallel = placement.root && worthParallel(convWork(g));
  if (filterOuter && s.panelWidth && !s.dotTerms && placement.root &&
      !placement.inPlace && !placement.producer.defined() &&
      !placement.singleRowTiles && g.groups == 1 && !isOpen(g.outputWidth) &&
      !isOpen(g.outputHeight) && !isOpen(g.batches)) {
    SumBlocks blocks = planSumBlocks(g, plan, s.panelWidth, parallel);
    return scheduleBlockedSums(output, s, out, plan, lanes, blocks, target,
                               placement, parallel);
  }
  // A packed tile must start at its panel; others may shift inwards.
  Placement whole = wholeColumns(output, out, g, placement);
  TailStrategy channelTail =
      s.panelWidth ? TailStrategy::GuardWithIf
                   : tailFor(g.outputChannels, tileChannels, placement);
  Var vo("vo"), vi("vi"), xo("xo"), xi("xi"), yo("yo"), yi("yi");
  output.split(out.o, vo, vi, tileChannels, channelTail)
      .split(out.x, xo, xi, plan.columns,
             tailFor(g.outputWidth, plan.columns, whole))
      .split(out.y, yo, yi, plan.rows,
             tailFor(g.outputHeight, plan.rows, placement));
  if (filterOuter)
    output.reorder(vi, xi, yi, xo, yo, vo, out.n);
  else
    output.reorder(vi, xi, yi, xo, vo, yo, out.n);
  output.vectorize(vi, lanes, TailStrategy::GuardWithIf).unroll(xi).unroll(yi);

  const ConvVars &a = s.vars;
  Func acc = s.acc;
  acc.compute_at(output, xo)
      .vectorize(a.o, lanes, TailStrategy::GuardWithIf)
      .unroll(a.x)
      .unroll(a.y);
  Var ao("ao"), ai("ai");
  Stage update = acc.update();
  if (s.dotTerms) {
    // Each vector of output channels sums a group's terms in one
    // instruction (Halide matches the atomic vectorized reduction).
    update.reorder(s.r.w, a.o, a.x, a.y, s.r.z, s.r.x, s.r.y, s.panel)
        .atomic()
        .vectorize(s.r.w);
  } else if (s.panelWidth)
    update.reorder(a.o, a.x, a.y, s.r.z, s.r.x, s.r.y, s.panel);
  else
    update.reorder(a.o, a.x, a.y, s.r.z, s.r.x, s.r.y);
  update.split(a.o, ao, ai, lanes, TailStrategy::GuardWithIf)
      .vectorize(ai)
      .unroll(ao)
      .unroll(a.x)
      .unroll(a.y);
  // With few input channels per tap the loop over a window's columns does
  // little work per iteration; LLVM unrolls it, except in deterministic
  // kernels, compiled without its loop passes, so there Halide does
  // (LeNet-5's 1-channel 5x5 conv ran 1.5x slower without).
  if (isDeterministic(target) && g.inputChannels / g.groups <= 16 &&
      g.filterWidth <= 7)
    update.unroll(s.r.x);
  // A depthwise window's taps stay a loop: unrolled (so that neighbouring
  // columns could share loads) they made MobileNetV2's depthwise kernels
  // take a third of its compile time in Halide and LLVM, for no speed
  // (4.94 ms unrolled, 4.90 ms as loops, one thread, same run).
  if (placement.producer.defined()) {
    slideProducer(output, placement.producer, g, plan, yo, parallel);
  } else if (parallel) {
    Var tiles("tiles");
    if (filterOuter)
      output.fuse(yo, vo, tiles).parallel(tiles);
    else
      output.parallel(yo);
  }
  if (s.padded.defined() && !depthwise) {
    // A dense conv reads a zero-padded copy of its input: a row band of it
    // per band of output rows, or all of it once when the loops sweep the
    // image once per filter panel. Reading the input in place with its
    // bounds tested leaves the border tiles on a slow path (a stride-2
    // stem conv ran at half the speed); the copy costs a read and a write
    // per input element against (output channels x window / stride^2)
    // multiply-adds. A depthwise conv's window does about as little work
    // per element as the copy, so it reads in place.
    Func padded = s.padded;
    std::vector<Var> pv = padded.args();
    int pl = vectorWidth(target, Float(32), g.inputChannels);
    if (pl < 4 && isDeterministic(target)) {
      // Too few channels for a vector (a grey image): whole pixels at a
      // time along the row, as LLVM vectorizes it outside deterministic
      // kernels.
      padded.vectorize(pv[1], target.natural_vector_size(Float(32)),
                       TailStrategy::GuardWithIf);
    } else {
      padded.vectorize(pv[0], pl, TailStrategy::GuardWithIf);
    }
    if (!filterOuter && placement.root) {
      padded.compute_at(output, yo);
    } else {
      // (at the kernel's root even when the conv is a fused producer)
      padded.compute_root();
      if (worthParallel(convWork(g)))
        padded.parallel(pv[2]);
    }
  }
}

} // namespace webnnc::halide
