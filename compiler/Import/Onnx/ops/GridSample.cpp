// SPDX-License-Identifier: Apache-2.0
// GridSample (4-D; bilinear, nearest or bicubic; zeros, border or
// reflection padding) as WebNN ops: each output position's input
// coordinates come from the grid, each tap is a gatherElements from the
// flattened image, weighted (and zeroed outside the image for zeros
// padding). The order of rounding, clamping and reflecting follows the
// ONNX reference, which ONNX Runtime matches.
#include <array>
#include <optional>

#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

// |v| clamped into a dimension of |size| pixels, [0, size - 1].
Operand insideOf(NodeContext &ctx, const Operand &v, int64_t size) {
  spec::ClampOptions range = ctx.labelled(spec::ClampOptions{});
  range.minValue = 0;
  range.maxValue = double(size - 1);
  return ctx.b().clamp(v, range);
}

enum class Padding { Zeros, Border, Reflection };

struct Sampler {
  NodeContext &ctx;
  Operand image; // [N, C, H * W]
  int64_t n, c, h, w, points;
  Padding padding;
  bool alignCorners;

  Operand f(double v) { return scalar(ctx, DataType::Float32, v); }

  // The interval coordinates reflect in: pixel centres with align_corners,
  // pixel edges without.
  std::pair<double, double> bounds(int64_t size) const {
    return alignCorners ? std::pair{0.0, double(size - 1)}
                        : std::pair{-0.5, double(size) - 0.5};
  }

  // |v| reflected into [lo, hi] as often as needed (a triangle wave of
  // period 2 (hi - lo)); unchanged inside.
  Operand reflect(const Operand &v, int64_t size) {
    auto &g = ctx.b();
    auto options = ctx.options();
    auto [lo, hi] = bounds(size);
    if (hi <= lo) // a single pixel with align_corners
      return g.mul(v, f(0.0), options);
    double period = 2 * (hi - lo);
    Operand t = g.sub(v, f(lo), options);
    Operand wrapped = g.sub(
        t, g.mul(g.floor(g.div(t, f(period), options), options), f(period),
                 options),
        options);
    Operand folded =
        g.min(wrapped, g.sub(f(period), wrapped, options), options);
    return g.add(folded, f(lo), options);
  }

  // Coordinates with either outside its bounds() moved in as the padding
  // says: border clamps both to the edge pixels (so a coordinate within
  // its bounds but beyond the edge pixel's centre moves only when the other
  // is out, which matters to bicubic), reflection folds each; zeros leaves
  // them for the taps to zero.
  std::pair<Operand, Operand> adjust(const Operand &x, const Operand &y) {
    auto &g = ctx.b();
    auto options = ctx.options();
    if (padding == Padding::Reflection)
      return {reflect(x, w), reflect(y, h)};
    if (padding == Padding::Zeros)
      return {x, y};
    auto outside = [&](const Operand &v, int64_t size) {
      auto [lo, hi] = bounds(size);
      return g.logicalOr(g.lesser(v, f(lo), options),
                         g.greater(v, f(hi), options), options);
    };
    Operand either = g.logicalOr(outside(x, w), outside(y, h), options);
    return {g.where(either, insideOf(ctx, x, w), x, options),
            g.where(either, insideOf(ctx, y, h), y, options)};
  }

  // The image's values at integer coordinates (x, y), [N, points] floats,
  // as [N, C, points] times |weight|: zero outside for zeros padding, the
  // border or reflected pixel otherwise.
  Operand tap(Operand x, Operand y, Operand weight) {
    auto &g = ctx.b();
    auto options = ctx.options();
    if (padding == Padding::Reflection) {
      x = g.roundEven(reflect(x, w), options);
      y = g.roundEven(reflect(y, h), options);
    }
    Operand xc = insideOf(ctx, x, w), yc = insideOf(ctx, y, h);
    Operand flat = g.cast(g.add(g.mul(yc, f(double(w)), options), xc, options),
                          DataType::Int32, options);
    Operand index = g.expand(g.reshape(flat, {n, 1, points}, options),
                             {n, c, points}, options);
    spec::GatherOptions along = ctx.labelled(spec::GatherOptions{});
    along.axis = 2;
    Operand value = g.gatherElements(image, index, along);
    if (padding == Padding::Zeros) {
      // Inside exactly when clamping changed nothing.
      Operand inside = g.logicalAnd(g.equal(x, xc, options),
                                    g.equal(y, yc, options), options);
      weight = g.where(inside, weight, f(0.0), options);
    }
    return g.mul(value, g.reshape(weight, {n, 1, points}, options), options);
  }

  Operand nearest(const Operand &ix, const Operand &iy) {
    auto &g = ctx.b();
    auto options = ctx.options();
    auto [x, y] = adjust(g.roundEven(ix, options), g.roundEven(iy, options));
    return tap(x, y, g.expand(f(1.0), {n, points}, options));
  }

  Operand bilinear(const Operand &ix, const Operand &iy) {
    auto &g = ctx.b();
    auto options = ctx.options();
    auto [x, y] = adjust(ix, iy);
    Operand x0 = g.floor(x, options), y0 = g.floor(y, options);
    Operand x1 = g.add(x0, f(1.0), options), y1 = g.add(y0, f(1.0), options);
    Operand wx1 = g.sub(x, x0, options), wy1 = g.sub(y, y0, options);
    Operand wx0 = g.sub(f(1.0), wx1, options),
            wy0 = g.sub(f(1.0), wy1, options);
    return g.add(g.add(tap(x0, y0, g.mul(wx0, wy0, options)),
                       tap(x1, y0, g.mul(wx1, wy0, options)), options),
                 g.add(tap(x0, y1, g.mul(wx0, wy1, options)),
                       tap(x1, y1, g.mul(wx1, wy1, options)), options),
                 options);
  }

  // Keys' cubic convolution weights (a = -0.75) of the four taps at
  // floor - 1 ... floor + 2 for the fraction |t|.
  std::array<Operand, 4> cubicWeights(const Operand &t) {
    auto &g = ctx.b();
    auto options = ctx.options();
    const double a = -0.75;
    // Outer taps, distance d in [1, 2]: ((a d - 5a) d + 8a) d - 4a.
    auto outer = [&](const Operand &d) {
      Operand p = g.add(g.mul(d, f(a), options), f(-5 * a), options);
      p = g.add(g.mul(p, d, options), f(8 * a), options);
      return g.add(g.mul(p, d, options), f(-4 * a), options);
    };
    // Inner taps, distance d in [0, 1]: ((a + 2) d - (a + 3)) d^2 + 1.
    auto inner = [&](const Operand &d) {
      Operand p = g.add(g.mul(d, f(a + 2), options), f(-(a + 3)), options);
      return g.add(g.mul(g.mul(p, d, options), d, options), f(1.0), options);
    };
    Operand oneMinus = g.sub(f(1.0), t, options);
    return {outer(g.add(t, f(1.0), options)), inner(t), inner(oneMinus),
            outer(g.add(oneMinus, f(1.0), options))};
  }

  Operand bicubic(const Operand &ix, const Operand &iy) {
    auto &g = ctx.b();
    auto options = ctx.options();
    // ONNX Runtime (like torch) leaves bicubic's coordinates alone with
    // border padding and clamps only the taps; the ONNX reference clamps
    // the coordinates too. Users compare with the runtimes.
    auto [x, y] = padding == Padding::Border ? std::pair{ix, iy}
                                             : adjust(ix, iy);
    Operand fx = g.floor(x, options), fy = g.floor(y, options);
    std::array<Operand, 4> wx = cubicWeights(g.sub(x, fx, options));
    std::array<Operand, 4> wy = cubicWeights(g.sub(y, fy, options));
    std::optional<Operand> sum;
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) {
        Operand value = tap(g.add(fx, f(j - 1), options),
                            g.add(fy, f(i - 1), options),
                            g.mul(wy[i], wx[j], options));
        sum = sum ? g.add(*sum, value, options) : value;
      }
    return *sum;
  }
};

void convertGridSample(NodeContext &ctx) {
  bool newNames = ctx.opset() >= 20; // linear/cubic, were bilinear/bicubic
  std::string mode = ctx.attrString("mode", newNames ? "linear" : "bilinear");
  std::string paddingMode = ctx.attrString("padding_mode", "zeros");
  bool alignCorners = ctx.attrInt("align_corners", 0) != 0;
  Operand x = ctx.input(0), grid = ctx.input(1);
  if (ctx.failed())
    return;
  bool linear = mode == "bilinear" || mode == "linear";
  bool cubic = mode == "bicubic" || mode == "cubic";
  if (!linear && !cubic && mode != "nearest")
    return ctx.unsupported("mode '" + mode +
                           "' (linear, nearest and cubic are)");
  Padding padding = Padding::Zeros;
  if (paddingMode == "border")
    padding = Padding::Border;
  else if (paddingMode == "reflection")
    padding = Padding::Reflection;
  else if (paddingMode != "zeros")
    return ctx.unsupported("padding_mode '" + paddingMode +
                           "' (zeros, border and reflection are)");
  if (x.rank() != 4 || grid.rank() != 4 || grid.shape()[3] != 2)
    return ctx.unsupported("other than a 4-D input and an [N, H, W, 2] grid");
  if (x.dataType() != DataType::Float32 || grid.dataType() != DataType::Float32)
    return ctx.unsupported("other than float32 input and grid");
  if (spec::hasOpenDims(x.shape()) || spec::hasOpenDims(grid.shape()))
    return ctx.unsupported("open dimensions");
  const spec::Shape &xs = x.shape(), &gs = grid.shape();
  if (gs[0] != xs[0])
    return ctx.invalid("the grid's batch must be the input's");
  auto &g = ctx.b();
  auto options = ctx.options();
  int64_t n = xs[0], c = xs[1], h = xs[2], w = xs[3], points = gs[1] * gs[2];
  Sampler s{ctx, g.reshape(x, {n, c, h * w}, options), n, c, h, w, points,
            padding, alignCorners};
  // Grid coordinates in [-1, 1] to pixel coordinates.
  auto pixels = [&](int64_t component, int64_t size) {
    Operand v =
        g.reshape(g.slice(grid, {0, 0, 0, component}, {n, gs[1], gs[2], 1},
                          ctx.labelled(spec::SliceOptions{})),
                  {n, points}, options);
    return alignCorners ? g.mul(g.add(v, s.f(1.0), options),
                                s.f(double(size - 1) / 2), options)
                        : g.sub(g.mul(g.add(v, s.f(1.0), options),
                                      s.f(double(size) / 2), options),
                                s.f(0.5), options);
  };
  Operand ix = pixels(0, w), iy = pixels(1, h);
  Operand y = linear  ? s.bilinear(ix, iy)
              : cubic ? s.bicubic(ix, iy)
                      : s.nearest(ix, iy);
  ctx.set(0, g.reshape(y, {n, c, gs[1], gs[2]}, options));
}

} // namespace

void registerGridSampleOps(ConverterTable &t) {
  t["GridSample"] = convertGridSample;
}

} // namespace webnnc::importer
