// SPDX-License-Identifier: Apache-2.0
// Resize and Upsample. Where resample2d computes the same values (two
// consecutive axes of a rank-4 tensor; linear with half-pixel coordinates;
// nearest with half-pixel coordinates rounding half down, or asymmetric
// flooring at whole scales) it is one resample2d. Any other static resize
// -- align_corners, other nearest roundings, cubic, other axes -- is
// separable: each resized axis becomes gathers of the taps every output
// reads, weighted and summed, with indices and weights computed here.
#include <algorithm>
#include <cmath>

#include "Common.h"

namespace webnnc::importer {
namespace {

struct ResizeMode {
  std::string mode = "nearest";          // nearest | linear | cubic
  std::string transform = "half_pixel";  // coordinate_transformation_mode
  std::string nearest = "round_prefer_floor";
  double cubicA = -0.75;
  bool excludeOutside = false;
};

// The input coordinate output |x| maps to along an axis of |in| resized
// to |out| by |scale| (the ONNX formulas, whose resized length is the
// unrounded in * scale).
double sourceCoordinate(const ResizeMode &m, int64_t x, int64_t in,
                        int64_t out, double scale) {
  const std::string &t = m.transform;
  double length = scale * double(in);
  if (t == "align_corners")
    return length == 1 ? 0.0 : double(x) * double(in - 1) / (length - 1);
  if (t == "asymmetric")
    return double(x) / scale;
  if (t == "tf_half_pixel_for_nearest" || t == "tf_half_pixel_for_nn")
    return (double(x) + 0.5) / scale;
  if (t == "pytorch_half_pixel")
    return length > 1 ? (double(x) + 0.5) / scale - 0.5 : 0.0;
  if (t == "half_pixel_symmetric") {
    double adjustment = double(out) / (scale * double(in));
    double center = double(in) / 2 * (1 - adjustment);
    return center + (double(x) + 0.5) / scale - 0.5;
  }
  return (double(x) + 0.5) / scale - 0.5; // half_pixel
}

// The taps of one output: input indices (clamped to the axis: the edge
// repeats) and their weights.
struct Taps {
  std::vector<int64_t> index;
  std::vector<double> weight;
};

Taps tapsFor(const ResizeMode &m, double x, int64_t in) {
  auto clampIndex = [&](int64_t i) { return std::clamp<int64_t>(i, 0, in - 1); };
  Taps taps;
  if (m.mode == "nearest") {
    double f = std::floor(x), r = x - f;
    int64_t i = int64_t(f);
    if (m.nearest == "floor")
      i = int64_t(f);
    else if (m.nearest == "ceil")
      i = int64_t(std::ceil(x));
    else if (m.nearest == "round_prefer_ceil")
      i = r >= 0.5 ? i + 1 : i;
    else // round_prefer_floor
      i = r > 0.5 ? i + 1 : i;
    taps.index = {clampIndex(i)};
    taps.weight = {1.0};
    return taps;
  }
  double f = std::floor(x), r = x - f;
  int64_t i = int64_t(f);
  if (m.mode == "linear") {
    taps.index = {clampIndex(i), clampIndex(i + 1)};
    taps.weight = {1 - r, r};
    return taps;
  }
  // Cubic convolution (Keys), taps at i-1 .. i+2.
  double a = m.cubicA;
  auto kernel = [a](double d) {
    d = std::abs(d);
    if (d <= 1)
      return ((a + 2) * d - (a + 3)) * d * d + 1;
    if (d < 2)
      return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a;
    return 0.0;
  };
  double total = 0;
  for (int64_t k = -1; k <= 2; ++k) {
    double w = kernel(double(k) - r);
    if (m.excludeOutside && (i + k < 0 || i + k >= in))
      w = 0;
    taps.index.push_back(clampIndex(i + k));
    taps.weight.push_back(w);
    total += w;
  }
  if (m.excludeOutside && total != 0)
    for (double &w : taps.weight)
      w /= total;
  return taps;
}

// Resizes axis |axis| of |x| to |out| elements by gathering taps.
Operand resizeAxis(NodeContext &ctx, Operand x, int64_t axis, int64_t out,
                   double scale, const ResizeMode &m) {
  auto &b = ctx.b();
  int64_t in = x.shape()[size_t(axis)];
  std::vector<Taps> all;
  size_t count = 0;
  for (int64_t o = 0; o < out; ++o) {
    all.push_back(tapsFor(m, sourceCoordinate(m, o, in, out, scale), in));
    count = std::max(count, all.back().index.size());
  }
  spec::GatherOptions gather = ctx.labelled(spec::GatherOptions{});
  gather.axis = axis;
  spec::Shape weightShape(x.rank(), 1);
  weightShape[size_t(axis)] = out;
  Operand sum;
  for (size_t t = 0; t < count; ++t) {
    std::vector<int32_t> index(static_cast<size_t>(out));
    std::vector<float> weight(static_cast<size_t>(out));
    bool anyWeight = false;
    for (int64_t o = 0; o < out; ++o) {
      index[size_t(o)] = int32_t(all[size_t(o)].index[t]);
      weight[size_t(o)] = float(all[size_t(o)].weight[t]);
      anyWeight |= weight[size_t(o)] != 0;
    }
    if (!anyWeight && t > 0)
      continue;
    Operand picked = b.gather(
        x, b.constant({spec::DataType::Int32, {out}}, std::span<const int32_t>(index)),
        gather);
    if (m.mode != "nearest") {
      Operand w = b.constant({spec::DataType::Float32, weightShape},
                             std::span<const float>(weight));
      if (x.dataType() != spec::DataType::Float32)
        w = b.cast(w, x.dataType(), ctx.options());
      picked = b.mul(picked, w, ctx.options());
    }
    sum = t == 0 ? picked : b.add(sum, picked, ctx.options());
  }
  return sum;
}

// What resample2d computes exactly: its options, or nullopt.
std::optional<spec::Resample2dOptions>
asResample2d(NodeContext &ctx, const spec::Shape &in, const ResizeMode &m,
             const std::vector<double> &scales,
             const std::vector<int64_t> &sizes, bool fromSizes) {
  int64_t rank = int64_t(in.size());
  std::vector<int64_t> axes;
  for (int64_t k = 0; k < rank; ++k)
    if (sizes[k] != in[k] || scales[k] != 1.0)
      axes.push_back(k);
  if (axes.size() > 2)
    return std::nullopt;
  if (axes.empty())
    axes = {rank - 2, rank - 1};
  if (axes.size() == 1)
    axes = axes[0] + 1 < rank ? std::vector<int64_t>{axes[0], axes[0] + 1}
                              : std::vector<int64_t>{axes[0] - 1, axes[0]};
  if (rank != 4 || axes[1] != axes[0] + 1)
    return std::nullopt;
  spec::Resample2dOptions options = ctx.labelled(spec::Resample2dOptions{});
  options.axes = axes;
  std::string transform = m.transform;
  if (m.mode == "linear") {
    // pytorch_half_pixel is half_pixel except for outputs of size 1.
    if (transform == "pytorch_half_pixel")
      for (int64_t a : axes)
        if (sizes[a] == 1)
          return std::nullopt;
    if (transform != "half_pixel" && transform != "pytorch_half_pixel")
      return std::nullopt;
    options.mode = spec::InterpolationMode::Linear;
  } else if (m.mode == "nearest") {
    bool halfPixel =
        transform == "half_pixel" && m.nearest == "round_prefer_floor";
    bool wholeScales = true;
    for (int64_t a : axes)
      wholeScales &= scales[a] >= 1 && scales[a] == std::floor(scales[a]);
    bool asymmetricFloor =
        transform == "asymmetric" && m.nearest == "floor" && wholeScales;
    if (!halfPixel && !asymmetricFloor)
      return std::nullopt;
    options.mode = spec::InterpolationMode::NearestNeighbor;
  } else {
    return std::nullopt;
  }
  if (fromSizes)
    options.sizes = {sizes[axes[0]], sizes[axes[1]]};
  else
    options.scales = {scales[axes[0]], scales[axes[1]]};
  return options;
}

// |scales| or |sizes| (one per input dimension; the other empty).
void resize(NodeContext &ctx, const ResizeMode &m, std::vector<double> scales,
            std::vector<int64_t> sizes) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  size_t rank = x.rank();
  const spec::Shape &in = x.shape();
  if (m.mode != "nearest" && m.mode != "linear" && m.mode != "cubic")
    return ctx.invalid("mode '" + m.mode + "'");
  static const char *const transforms[] = {
      "half_pixel",           "half_pixel_symmetric", "pytorch_half_pixel",
      "align_corners",        "asymmetric",           "tf_half_pixel_for_nearest",
      "tf_half_pixel_for_nn"}; // the last is opset 11's name
  if (std::find(std::begin(transforms), std::end(transforms), m.transform) ==
      std::end(transforms))
    return ctx.invalid("coordinate_transformation_mode '" + m.transform + "'");
  static const char *const roundings[] = {"round_prefer_floor",
                                          "round_prefer_ceil", "floor", "ceil"};
  if (m.mode == "nearest" &&
      std::find(std::begin(roundings), std::end(roundings), m.nearest) ==
          std::end(roundings))
    return ctx.invalid("nearest_mode '" + m.nearest + "'");
  bool fromSizes = !sizes.empty();
  if (fromSizes) {
    if (sizes.size() != rank)
      return ctx.invalid("sizes must hold one size per input dimension");
    scales.clear();
    // (An open input size gives a scale known only at compute: 0 here.)
    for (size_t k = 0; k < rank; ++k)
      scales.push_back(!spec::isOpen(in[k]) ? double(sizes[k]) / double(in[k])
                       : sizes[k] == in[k]    ? 1.0
                                              : 0.0);
  } else {
    if (scales.size() != rank)
      return ctx.invalid("scales must hold one scale per input dimension");
    for (size_t k = 0; k < rank; ++k) {
      if (!(scales[k] > 0))
        return ctx.invalid("scales must be positive");
      sizes.push_back(spec::isOpen(in[k])
                          ? in[k]
                          : int64_t(std::floor(double(in[k]) * scales[k])));
    }
  }
  bool resizesOpen = false;
  for (size_t k = 0; k < rank; ++k) {
    bool resized = sizes[k] != in[k] || scales[k] != 1.0;
    resizesOpen |= resized && spec::isOpen(in[k]);
    if (resized && !spec::isOpen(sizes[k]) && sizes[k] <= 0)
      return ctx.notInWebNN("the output would be empty");
  }
  if (auto options = asResample2d(ctx, in, m, scales, sizes, fromSizes))
    return ctx.set(0, ctx.b().resample2d(x, *options));
  // Resizing an open axis is resample2d's (sized at compute), or nothing.
  if (resizesOpen)
    return ctx.unsupported("resizing an open dimension other than as "
                           "resample2d does (nearest half_pixel or "
                           "asymmetric floor, linear half_pixel, two "
                           "adjacent axes of a rank-4 input)");
  Operand y = x;
  for (size_t k = 0; k < rank; ++k)
    if (sizes[k] != in[k] || scales[k] != 1.0)
      y = resizeAxis(ctx, y, int64_t(k), sizes[k], scales[k], m);
  if (y.descriptor() == x.descriptor() && sizes == spec::Shape(in))
    y = ctx.b().identity(x, ctx.options());
  ctx.set(0, y);
}

std::vector<double> doubles(const HostTensor &t) { return t.toDoubles(); }

void convertResize(NodeContext &ctx) {
  ResizeMode m;
  m.mode = ctx.attrString("mode", "nearest");
  m.transform = ctx.opset() < 11
                    ? "asymmetric"
                    : ctx.attrString("coordinate_transformation_mode",
                                     "half_pixel");
  m.nearest = ctx.opset() < 11
                  ? "floor"
                  : ctx.attrString("nearest_mode", "round_prefer_floor");
  m.excludeOutside = ctx.attrInt("exclude_outside", 0) != 0;
  m.cubicA = ctx.attrFloat("cubic_coeff_a", -0.75);
  if (m.transform == "tf_crop_and_resize")
    return ctx.notInWebNN("coordinate_transformation_mode "
                          "'tf_crop_and_resize' (a crop with extrapolated "
                          "values)");
  ctx.ignore("extrapolation_value"); // tf_crop_and_resize only
  if (ctx.attrInt("antialias", 0) != 0)
    return ctx.unsupported("antialias 1");
  std::string policy = ctx.attrString("keep_aspect_ratio_policy", "stretch");
  std::vector<double> scales;
  std::vector<int64_t> sizes;
  size_t scalesInput = ctx.opset() < 11 ? 1 : 2;
  if (ctx.opset() >= 11 && ctx.hasInput(1))
    ctx.known(1); // roi: only tf_crop_and_resize reads it
  if (ctx.hasInput(scalesInput)) {
    const HostTensor *t = ctx.known(scalesInput);
    if (!t)
      return ctx.notKnown(scalesInput, "scales");
    scales = doubles(*t);
  }
  if (ctx.opset() >= 11 && ctx.hasInput(3) && ctx.holdsOpenSizes(3)) {
    // Sizes computed from the input's shape: an entry that is the input's
    // own (open) size leaves that axis as it is; the others must be
    // constants.
    auto v = ctx.sizeList(3, "sizes");
    auto dims = v ? ctx.inputDims(0) : std::nullopt;
    if (!dims)
      return;
    const spec::Shape &in = ctx.inputShape(0);
    for (size_t k = 0; k < v->size(); ++k) {
      if (k < dims->size() && (*v)[k] == (*dims)[k])
        sizes.push_back(in[k]);
      else if (auto c = (*v)[k].constantValue())
        sizes.push_back(*c);
      else
        return ctx.unsupported("resizing to the size " + (*v)[k].toString() +
                               ", known only at compute");
    }
  } else if (ctx.opset() >= 11 && ctx.hasInput(3)) {
    auto v = ctx.constantInts(3, "sizes");
    if (!v)
      return;
    sizes = *v;
  }
  if (scales.empty() && sizes.empty())
    return ctx.invalid("needs scales or sizes");
  if (!scales.empty() && !sizes.empty())
    return ctx.invalid("takes scales or sizes, not both");
  // Opset 18: scales or sizes for the listed axes only.
  std::vector<int64_t> axes = ctx.attrInts("axes");
  const spec::Shape &in = ctx.inputShape(0);
  if (ctx.failed())
    return;
  int64_t rank = int64_t(in.size());
  if (!axes.empty()) {
    auto normalized = normalizeAxes(ctx, axes, rank, "axes");
    if (!normalized)
      return;
    size_t given = scales.empty() ? sizes.size() : scales.size();
    if (given != normalized->size())
      return ctx.invalid("scales or sizes must hold one value per axis");
    std::vector<double> fullScales(size_t(rank), 1.0);
    std::vector<int64_t> fullSizes(in.begin(), in.end());
    for (size_t k = 0; k < normalized->size(); ++k)
      if (scales.empty())
        fullSizes[size_t((*normalized)[k])] = sizes[k];
      else
        fullScales[size_t((*normalized)[k])] = scales[k];
    if (scales.empty())
      sizes = fullSizes, axes = *normalized;
    else
      scales = fullScales;
  } else {
    for (int64_t k = 0; k < rank; ++k)
      axes.push_back(k);
  }
  if (!sizes.empty() && policy != "stretch") {
    // One scale for every listed axis: the largest that fits (not_larger)
    // or the smallest that covers (not_smaller).
    if (policy != "not_larger" && policy != "not_smaller")
      return ctx.invalid("keep_aspect_ratio_policy '" + policy + "'");
    double scale = policy == "not_larger" ? INFINITY : 0;
    for (int64_t a : axes) {
      double s = double(sizes[size_t(a)]) / double(in[size_t(a)]);
      scale = policy == "not_larger" ? std::min(scale, s) : std::max(scale, s);
    }
    for (int64_t a : axes)
      sizes[size_t(a)] = int64_t(std::round(scale * double(in[size_t(a)])));
  }
  resize(ctx, m, scales, sizes);
}

void convertUpsample(NodeContext &ctx) {
  ResizeMode m;
  m.mode = ctx.attrString("mode", "nearest");
  std::vector<double> scales;
  if (ctx.opset() < 9) {
    scales = ctx.attrFloats("scales");
  } else {
    const HostTensor *t = ctx.known(1);
    if (!t)
      return ctx.notKnown(1, "scales");
    scales = doubles(*t);
  }
  // Upsample's coordinates are asymmetric, nearest flooring.
  m.transform = "asymmetric";
  m.nearest = "floor";
  resize(ctx, m, scales, {});
}

} // namespace

void registerResizeOps(ConverterTable &t) {
  t["Resize"] = convertResize;
  t["Upsample"] = convertUpsample;
}

} // namespace webnnc::importer
