// SPDX-License-Identifier: Apache-2.0
// winograd_conv2d kernels: a channels-last 3x3 conv by Winograd
// F(m x m, 3 x 3) (webnnc/KernelSpec/Winograd.h), in three stages, each over
// a band of tile rows:
//   V = B^T d B    every input tile, transformed (rows, then columns);
//   M = V . U      alpha^2 independent products [tiles x I] x [I x O]
//                  with the filter transformed at compile time (U);
//   Y = A^T M A    every output tile, plus the bias.
// The products carry the work; they are tiled like a matmul, a few tiles
// times a panel of output channels in registers.
#include <stdexcept>

#include "Families.h"
#include "Layout.h"
#include "webnnc/KernelSpec/ConvTiles.h"
#include "webnnc/KernelSpec/Winograd.h"

namespace webnnc::halide {
using namespace Halide;

namespace {

// sum_k coefficients[row * n + k] * term(k), skipping zero coefficients.
Expr combine(const std::vector<double> &coefficients, int row, int n,
             const std::function<Expr(int)> &term) {
  Expr sum;
  for (int k = 0; k < n; ++k) {
    double c = coefficients[size_t(row * n + k)];
    if (c == 0)
      continue;
    Expr t = term(k);
    if (c == -1)
      t = -t;
    else if (c != 1)
      t = float(c) * t;
    sum = sum.defined() ? sum + t : t;
  }
  return sum.defined() ? sum : Expr(0.0f);
}

// mux over the rows of a constant matrix: row |index| of |rows| values.
Expr byRow(Expr index, int rows, const std::function<Expr(int)> &value) {
  std::vector<Expr> values;
  for (int r = 0; r < rows; ++r)
    values.push_back(value(r));
  return mux(index, values);
}

// The sizes a Winograd conv is computed over.
struct WinogradGeometry {
  kernels::WinogradTransform wt;
  int m = 0, alpha = 0; // output tile m x m, input tile alpha x alpha
  int P = 0;            // output channels per panel of the filter
  int panels = 0;
  int channels = 0, inChannels = 0;
  int height = 0, width = 0;
  int tilesX = 0, tilesY = 0, tiles = 0;
  int padTop = 0, padLeft = 0;
  int64_t batches = 0; // a size hint when open
};

WinogradGeometry winogradGeometry(const kernels::OpSpec &op, const Value &input,
                                  const Value &filter) {
  const spec::Shape &in = input.type.shape, &out = op.result.shape;
  const spec::Shape &u = filter.type.shape; // [alpha^2, panels, I, P]
  if (in.size() != 4 || u.size() != 4 || isOpen(in[1]) || isOpen(in[2]) ||
      isOpen(in[3]))
    throw std::runtime_error("winograd_conv2d needs an nhwc input of static "
                             "height, width and channels, and a 4-D "
                             "transformed filter");
  WinogradGeometry g;
  g.wt = kernels::winogradTransform(int(op.intAttr("tile", 2)));
  g.m = g.wt.m, g.alpha = g.wt.alpha;
  g.P = int(u[3]), g.panels = int(u[1]);
  g.channels = int(op.intAttr("output_channels", 0));
  g.inChannels = int(in[3]);
  g.height = int(out[1]), g.width = int(out[2]);
  g.tilesX = (g.width + g.m - 1) / g.m, g.tilesY = (g.height + g.m - 1) / g.m;
  g.tiles = g.tilesX * g.tilesY;
  std::vector<int64_t> padding = op.intList("padding");
  if (padding.size() != 4)
    throw std::runtime_error("winograd_conv2d needs 4 padding values");
  g.padTop = int(padding[0]), g.padLeft = int(padding[2]);
  g.batches = sizeHint(out[0]);
  return g;
}

// The stages of the algorithm, and the variables the schedule names.
struct WinogradStages {
  Var c{"c"}, x{"x"}, y{"y"}, n{"n"}, t{"t"}, e{"e"}, j{"j"}, xi{"xi"},
      nu{"nu"}, p{"p"}, panel{"panel"}, o{"o"};
  RDom r;
  Func colT, v, acc, prod;
  Expr value; // output channel o at (x, y, n), before the bias
};

// Algorithm: V = the input tiles transformed, M = alpha^2 products of V
// and the transformed filter U over the input channels, Y = M transformed
// back.
WinogradStages winogradAlgorithm(const WinogradGeometry &g, const Value &input,
                                 const Value &filter) {
  WinogradStages s;
  const kernels::WinogradTransform &wt = g.wt;
  const int m = g.m, alpha = g.alpha, P = g.P, inChannels = g.inChannels;
  const int tilesX = g.tilesX, padTop = g.padTop, padLeft = g.padLeft;
  Var c = s.c, x = s.x, y = s.y, n = s.n, t = s.t, e = s.e, j = s.j, xi = s.xi,
      nu = s.nu, p = s.p, panel = s.panel, o = s.o;
  ActivationExtents ext =
      activationExtents(spec::InputOperandLayout::Nhwc, input);
  Func padded = BoundaryConditions::constant_exterior(
      input.func, 0.0f,
      {{0, ext.channels}, {0, ext.width}, {0, ext.height}, {0, ext.batches}});

  // V: tile t's input d (alpha x alpha), rows transformed (colT), then
  // columns. Stored [n][xi][nu][t][c]: product e = xi * alpha + nu reads
  // one [tiles x I] block.
  Expr tileX = t % tilesX, tileY = t / tilesX;
  auto d = [&](Expr col, int row) {
    return padded(c, tileX * m + col - padLeft, tileY * m + row - padTop, n);
  };
  Func colT("wino_rows");
  colT(c, j, xi, t, n) = byRow(xi, alpha, [&](int r) {
    return combine(wt.bt, r, alpha, [&](int k) { return d(j, k); });
  });
  Func v("wino_v");
  v(c, t, nu, xi, n) = byRow(nu, alpha, [&](int r) {
    return combine(wt.bt, r, alpha,
                   [&](int k) { return colT(c, k, xi, t, n); });
  });

  // M: alpha^2 products over the input channels, output channel panel *
  // P + p of product e. Channels past the last (a partial panel) read zero
  // weights and are never stored.
  RDom r(0, inChannels, "r");
  Func acc("wino_acc");
  acc(p, panel, t, e, n) = 0.0f;
  acc(p, panel, t, e, n) += v(r, t, e % alpha, e / alpha, n) *
                            read(filter, {Expr(p), r, Expr(panel), e});
  Func prod("wino_m");
  prod(p, panel, t, e, n) = acc(p, panel, t, e, n);

  // Y: output (x, y) is row y % m, column x % m of tile (x / m, y / m):
  // columns of the tile's M combined first, then rows.
  Expr tile = (y / m) * tilesX + x / m;
  auto mAt = [&](int row, int col) {
    return prod(o % P, o / P, tile, row * alpha + col, n);
  };
  Expr value = byRow(y % m, m, [&](int rowOut) {
    return combine(wt.at, rowOut, alpha, [&](int rowIn) {
      return byRow(x % m, m, [&](int colOut) {
        return combine(wt.at, colOut, alpha,
                       [&](int colIn) { return mAt(rowIn, colIn); });
      });
    });
  });

  s.r = r;
  s.colT = colT, s.v = v, s.acc = acc, s.prod = prod;
  s.value = value;
  return s;
}

// Bands of whole tile rows, each at least 8 tiles, with its V and M
// within ~512 KB (the L2 cache). Every band reads all of U, so a filter
// of more than 512 KB (ResNet's 3x3 convs from 128 channels on) is one
// band, split across threads stage by stage instead.
int winogradBandRows(const WinogradGeometry &g) {
  const int alpha = g.alpha, P = g.P, inChannels = g.inChannels;
  const int tilesX = g.tilesX, tilesY = g.tilesY;
  int64_t rowBytes = int64_t(tilesX) * alpha * alpha *
                     (inChannels + int64_t(g.panels) * P) * 4;
  int64_t filterBytes = int64_t(alpha) * alpha * inChannels * g.panels * P * 4;
  int bandRows = int(std::clamp<int64_t>((512 << 10) / rowBytes, 1, tilesY));
  while (bandRows < tilesY && bandRows * tilesX < 8)
    ++bandRows;
  // An even number of bands (or many), so two threads share them evenly.
  auto bands = [&](int rows) { return (tilesY + rows - 1) / rows; };
  while (bandRows > 1 && bands(bandRows) % 2 == 1 && bands(bandRows) < 8 &&
         (bandRows - 1) * tilesX >= 8)
    --bandRows;
  if (filterBytes > (512 << 10))
    bandRows = tilesY;
  return bandRows;
}

// Schedule: the image in bands of tile rows, each band's V and M computed
// per band so they stay in cache (or, for a filter too large to reread,
// one band split across threads stage by stage).
void scheduleWinograd(const WinogradGeometry &g, const WinogradStages &s,
                      int bandRows, int64_t work, Func output,
                      const Target &target, const Placement &placement) {
  const int m = g.m, P = g.P, inChannels = g.inChannels;
  const int tilesX = g.tilesX, tilesY = g.tilesY;
  Var c = s.c, t = s.t, e = s.e, j = s.j, xi = s.xi, nu = s.nu, p = s.p,
      panel = s.panel, n = s.n;
  RDom r = s.r;
  Func colT = s.colT, v = s.v, acc = s.acc, prod = s.prod;
  int lanes = std::min(target.natural_vector_size(Float(32)), P);
  // Y: a tile's m x m outputs in one block, so the products it reads are
  // loaded once; channels split at panels, so a vector reads one panel
  // of M. The image in bands of tile rows, one band per thread at a
  // time: each band transforms its input tiles, multiplies and
  // transforms back, so V and M stay in the core's cache.
  std::vector<Var> ov = output.args(); // (o, x, y, n)
  Var xo("xo"), xm("xm"), yo("yo"), ym("ym"), po("po"), pi2("pi2"),
      band("band"), yb("yb");
  output.split(ov[0], po, pi2, P, TailStrategy::GuardWithIf)
      .split(ov[1], xo, xm, m, TailStrategy::GuardWithIf)
      .split(ov[2], yo, ym, m, TailStrategy::GuardWithIf)
      .split(yo, band, yb, bandRows, TailStrategy::GuardWithIf)
      .reorder(pi2, xm, ym, po, xo, yb, band, ov[3])
      .vectorize(pi2, lanes, TailStrategy::GuardWithIf)
      .unroll(xm)
      .unroll(ym);
  bool parallel = placement.root && worthParallel(work);
  bool oneBand = bandRows >= tilesY;
  if (parallel)
    output.parallel(oneBand ? yb : band);
  // V: a tile at a time, input channels in vectors, every (xi, nu)
  // unrolled so the transform's coefficients are constants.
  int cl = vectorWidth(target, Float(32), inChannels);
  if (oneBand)
    v.compute_root();
  else
    v.compute_at(output, band);
  // A vector of channels at a time (the loop over vectors outermost):
  // its alpha x alpha transform points unrolled, with the rows it combines
  // (colT) computed per vector, in registers. (With the vector loop
  // innermost, inside the unrolled points, LLVM unrolled each of those
  // alpha^2 loops in full: seconds per kernel and four times the code,
  // for the same speed.)
  Var co("co"), ci("ci");
  v.split(c, co, ci, cl, TailStrategy::GuardWithIf)
      .reorder(ci, nu, xi, co, t, n)
      .vectorize(ci)
      .unroll(nu)
      .unroll(xi);
  colT.compute_at(v, co)
      .split(c, co, ci, cl, TailStrategy::GuardWithIf)
      .reorder(ci, j, xi, co, t, n)
      .vectorize(ci)
      .unroll(j)
      .unroll(xi);
  if (parallel && oneBand)
    v.parallel(t, 8);
  // M: tiles of a few Winograd tiles times one panel, summed in
  // registers over the input channels; a product's panel of U is read
  // once per band.
  int vectors = P / lanes;
  int sums = kernels::accumulatorRegisters(
      kernels::vectorRegisters(target.to_string()));
  int rows = std::min({std::max(1, sums / vectors), 8, bandRows * tilesX});
  Var to("to"), ti("ti"), pv("pv"), pi("pi");
  if (oneBand)
    prod.compute_root();
  else
    prod.compute_at(output, band);
  prod.split(t, to, ti, rows, TailStrategy::ShiftInwards)
      .reorder(p, ti, to, panel, e, n)
      .vectorize(p, lanes)
      .unroll(ti);
  acc.compute_at(prod, to).vectorize(p, lanes).unroll(t);
  acc.update()
      .reorder(p, t, r, panel, e, n)
      .split(p, pv, pi, lanes)
      .vectorize(pi)
      .unroll(pv)
      .unroll(t);
  if (parallel && oneBand) {
    Var work("work");
    prod.fuse(panel, e, work).parallel(work);
  }
}

} // namespace

std::optional<Defined>
defineWinogradConv2d(const kernels::OpSpec &op,
                     const std::vector<Value> &operands) {
  if (op.kind != "winograd_conv2d")
    return std::nullopt;
  if (operands.size() < 2)
    throw std::runtime_error("winograd_conv2d needs input and filter");
  const Value &input = operands[0], &filter = operands[1];
  WinogradGeometry g = winogradGeometry(op, input, filter);
  WinogradStages s = winogradAlgorithm(g, input, filter);
  Expr value = s.value;
  if (operands.size() > 2)
    value = value + read(operands[2], {Expr(s.o)});
  Func result(op.kind);
  result(s.o, s.x, s.y, s.n) = store(value, op.result.dataType);

  int64_t work = int64_t(g.tiles) * g.alpha * g.alpha * g.inChannels *
                 g.channels * g.batches;
  int bandRows = winogradBandRows(g);
  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) {
    scheduleWinograd(g, s, bandRows, work, output, target, placement);
  };
  Value produced{result, op.result};
  if (isOpen(op.result.shape[0])) // an open batch: the input's
    produced.openExtents = {input.extent(0), Expr(), Expr(), Expr()};
  return Defined{produced, sched};
}

} // namespace webnnc::halide
