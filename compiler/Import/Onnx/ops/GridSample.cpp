// SPDX-License-Identifier: Apache-2.0
// GridSample (4-D, bilinear or nearest, zeros or border padding) as WebNN
// ops: each output position's input coordinates come from the grid, each
// tap is a gatherElements from the flattened image, weighted (and zeroed
// outside the image for zeros padding).
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

struct Sampler {
  NodeContext &ctx;
  Operand image; // [N, C, H * W]
  int64_t n, c, h, w, points;

  Operand f(double v) { return scalar(ctx, DataType::Float32, v); }

  // The image's values at integer coordinates (x, y), [N, points] floats,
  // as [N, C, points], zero where |zeroOutside| and (x, y) is outside.
  Operand tap(const Operand &x, const Operand &y, bool zeroOutside,
              Operand weight) {
    auto &g = ctx.b();
    auto options = ctx.options();
    Operand xc = insideOf(ctx, x, w), yc = insideOf(ctx, y, h);
    Operand flat = g.cast(g.add(g.mul(yc, f(double(w)), options), xc, options),
                          DataType::Int32, options);
    Operand index = g.expand(g.reshape(flat, {n, 1, points}, options),
                             {n, c, points}, options);
    spec::GatherOptions along = ctx.labelled(spec::GatherOptions{});
    along.axis = 2;
    Operand value = g.gatherElements(image, index, along);
    if (zeroOutside) {
      // Inside exactly when clamping changed nothing.
      Operand inside = g.logicalAnd(g.equal(x, xc, options),
                                    g.equal(y, yc, options), options);
      weight = g.where(inside, weight, f(0.0), options);
    }
    return g.mul(value, g.reshape(weight, {n, 1, points}, options), options);
  }
};

void convertGridSample(NodeContext &ctx) {
  bool linearName = ctx.opset() >= 20;
  std::string mode = ctx.attrString("mode", linearName ? "linear" : "bilinear");
  std::string padding = ctx.attrString("padding_mode", "zeros");
  bool alignCorners = ctx.attrInt("align_corners", 0) != 0;
  Operand x = ctx.input(0), grid = ctx.input(1);
  if (ctx.failed())
    return;
  bool linear = mode == "bilinear" || mode == "linear";
  if (!linear && mode != "nearest")
    return ctx.unsupported("mode '" + mode + "' (bilinear and nearest are)");
  if (padding != "zeros" && padding != "border")
    return ctx.unsupported("padding_mode '" + padding +
                           "' (zeros and border are)");
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
  Sampler s{ctx, g.reshape(x, {n, c, h * w}, options), n, c, h, w, points};
  // Grid coordinates in [-1, 1] to pixel coordinates.
  auto pixels = [&](int64_t component, int64_t size) {
    Operand v =
        g.reshape(g.slice(grid, {0, 0, 0, component}, {n, gs[1], gs[2], 1},
                          ctx.labelled(spec::SliceOptions{})),
                  {n, points}, options);
    Operand scaled = alignCorners ? g.mul(g.add(v, s.f(1.0), options),
                                          s.f(double(size - 1) / 2), options)
                                  : g.sub(g.mul(g.add(v, s.f(1.0), options),
                                                s.f(double(size) / 2), options),
                                          s.f(0.5), options);
    return padding == "border" ? insideOf(ctx, scaled, size) : scaled;
  };
  Operand ix = pixels(0, w), iy = pixels(1, h);
  bool zeros = padding == "zeros";
  Operand y;
  if (!linear) {
    y = s.tap(g.roundEven(ix, options), g.roundEven(iy, options), zeros,
              g.expand(s.f(1.0), {n, points}, options));
  } else {
    Operand x0 = g.floor(ix, options), y0 = g.floor(iy, options);
    Operand x1 = g.add(x0, s.f(1.0), options),
            y1 = g.add(y0, s.f(1.0), options);
    Operand wx1 = g.sub(ix, x0, options), wy1 = g.sub(iy, y0, options);
    Operand wx0 = g.sub(s.f(1.0), wx1, options),
            wy0 = g.sub(s.f(1.0), wy1, options);
    y = g.add(g.add(s.tap(x0, y0, zeros, g.mul(wx0, wy0, options)),
                    s.tap(x1, y0, zeros, g.mul(wx1, wy0, options)), options),
              g.add(s.tap(x0, y1, zeros, g.mul(wx0, wy1, options)),
                    s.tap(x1, y1, zeros, g.mul(wx1, wy1, options)), options),
              options);
  }
  ctx.set(0, g.reshape(y, {n, c, gs[1], gs[2]}, options));
}

} // namespace

void registerGridSampleOps(ConverterTable &t) {
  t["GridSample"] = convertGridSample;
}

} // namespace webnnc::importer
