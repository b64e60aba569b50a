// SPDX-License-Identifier: Apache-2.0
// Resize and Upsample onto resample2d where the two agree: two resized
// axes; linear with half-pixel coordinates; nearest with half-pixel
// coordinates rounding half down, or asymmetric flooring at whole scales.
#include <cmath>

#include "Common.h"

namespace webnnc::importer {
namespace {

void resize(NodeContext &ctx, std::string mode, std::string transform,
            std::string nearestMode, std::vector<double> scales,
            std::vector<int64_t> sizes) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  int64_t rank = int64_t(x.rank());
  const spec::Shape &in = x.shape();
  if (!sizes.empty()) {
    if (int64_t(sizes.size()) != rank)
      return ctx.invalid("sizes must hold one size per input dimension");
    scales.clear();
    for (int64_t k = 0; k < rank; ++k)
      scales.push_back(double(sizes[k]) / double(in[k]));
  }
  if (int64_t(scales.size()) != rank)
    return ctx.invalid("scales must hold one scale per input dimension");
  std::vector<int64_t> axes;
  for (int64_t k = 0; k < rank; ++k) {
    bool same = sizes.empty() ? scales[k] == 1.0 : sizes[k] == in[k];
    if (!same)
      axes.push_back(k);
  }
  if (axes.size() > 2)
    return ctx.unsupported("resizing more than two axes");
  if (axes.empty())
    axes = {rank - 2, rank - 1};
  if (axes.size() == 1)
    axes = axes[0] + 1 < rank ? std::vector<int64_t>{axes[0], axes[0] + 1}
                              : std::vector<int64_t>{axes[0] - 1, axes[0]};
  if (rank != 4 || axes[1] != axes[0] + 1)
    return ctx.unsupported("resizing other than two consecutive axes of a "
                           "rank-4 tensor");

  spec::Resample2dOptions options = ctx.labelled(spec::Resample2dOptions{});
  options.axes = axes;
  if (mode == "linear") {
    // pytorch_half_pixel is half_pixel except for outputs of size 1.
    bool pytorch = transform == "pytorch_half_pixel";
    for (int64_t a : axes)
      if (pytorch && !sizes.empty() && sizes[a] == 1)
        transform = "pytorch_half_pixel to size 1";
    if (pytorch && sizes.empty())
      for (int64_t a : axes)
        if (std::floor(double(in[a]) * scales[a]) == 1)
          transform = "pytorch_half_pixel to size 1";
    if (transform != "half_pixel" && transform != "pytorch_half_pixel")
      return ctx.notInWebNN("linear resize with coordinate_transformation_"
                             "mode '" + transform + "'");
    options.mode = spec::InterpolationMode::Linear;
  } else if (mode == "nearest") {
    bool halfPixel = transform == "half_pixel" &&
                     (nearestMode == "round_prefer_floor");
    bool wholeScales = true;
    for (int64_t a : axes)
      wholeScales &= scales[a] >= 1 && scales[a] == std::floor(scales[a]);
    bool asymmetricFloor = transform == "asymmetric" &&
                           nearestMode == "floor" && wholeScales;
    if (!halfPixel && !asymmetricFloor)
      return ctx.notInWebNN("nearest resize with coordinate_transformation_"
                             "mode '" + transform + "' and nearest_mode '" +
                             nearestMode + "'");
    options.mode = spec::InterpolationMode::NearestNeighbor;
  } else {
    return ctx.notInWebNN("mode '" + mode + "' (resample2d interpolates "
                          "nearest or linear)");
  }
  if (!sizes.empty())
    options.sizes = {sizes[axes[0]], sizes[axes[1]]};
  else
    options.scales = {scales[axes[0]], scales[axes[1]]};
  ctx.set(0, ctx.b().resample2d(x, options));
}

std::vector<double> doubles(const HostTensor &t) { return t.toDoubles(); }

void convertResize(NodeContext &ctx) {
  std::string mode = ctx.attrString("mode", "nearest");
  std::string transform = ctx.opset() < 11
                              ? "asymmetric"
                              : ctx.attrString("coordinate_transformation_mode",
                                               "half_pixel");
  std::string nearestMode = ctx.opset() < 11
                                ? "floor"
                                : ctx.attrString("nearest_mode",
                                                 "round_prefer_floor");
  if (ctx.attrInt("exclude_outside", 0) != 0)
    return ctx.notInWebNN("exclude_outside 1");
  ctx.ignore("cubic_coeff_a");
  ctx.ignore("extrapolation_value"); // tf_crop_and_resize only
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
  if (ctx.opset() >= 11 && ctx.hasInput(3)) {
    auto v = ctx.constantInts(3, "sizes");
    if (!v)
      return;
    sizes = *v;
  }
  if (scales.empty() && sizes.empty())
    return ctx.invalid("needs scales or sizes");
  if (!scales.empty() && !sizes.empty())
    return ctx.invalid("takes scales or sizes, not both");
  resize(ctx, mode, transform, nearestMode, scales, sizes);
}

void convertUpsample(NodeContext &ctx) {
  std::string mode = ctx.attrString("mode", "nearest");
  std::vector<double> scales;
  if (ctx.opset() < 9) {
    scales = ctx.attrFloats("scales");
  } else {
    const HostTensor *t = ctx.known(1);
    if (!t)
      return ctx.notKnown(1, "scales");
    scales = doubles(*t);
  }
  // Upsample's coordinates are asymmetric; only nearest agrees with WebNN.
  resize(ctx, mode, "asymmetric", "floor",
         scales, {});
}

} // namespace

void registerResizeOps(ConverterTable &t) {
  t["Resize"] = convertResize;
  t["Upsample"] = convertUpsample;
}

} // namespace webnnc::importer
