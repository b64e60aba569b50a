// SPDX-License-Identifier: Apache-2.0
// resample2d kernels: nearest-neighbor and bilinear.
#include <cmath>
#include <stdexcept>

#include "Families.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::halide {
using namespace Halide;
using Index = std::vector<Expr>;

std::optional<Defined> defineResample2d(const kernels::OpSpec &op,
                                        const std::vector<Value> &operands) {
  if (op.kind != "resample2d")
    return std::nullopt;
  if (operands.empty())
    throw std::runtime_error("resample2d needs an input");
  const Value &input = operands[0];
  spec::Resample2dOptions options;
  options.mode = op.intAttr("mode", 0) == 0
                     ? spec::InterpolationMode::NearestNeighbor
                     : spec::InterpolationMode::Linear;
  if (const std::vector<double> *scales = op.floatAttr("scales"))
    options.scales = *scales;
  options.sizes = op.intList("sizes");
  options.axes = op.intList("axes");
  auto geometry = spec::resolveResample2d(
      input.descriptor(), options);
  if (!geometry)
    throw std::runtime_error(geometry.error().format("resample2d"));
  const spec::Resample2dGeometry g = *geometry;
  bool linear = options.mode == spec::InterpolationMode::Linear;

  // Over an open input axis the sizes and the scale are known at compute:
  // the scale is output / input size when sizes were given.
  Expr inputSize[2], scale[2];
  std::vector<Expr> openExtents(op.result.shape.size());
  for (int i = 0; i < 2; ++i) {
    size_t axis = size_t(g.axes[i]);
    inputSize[i] = input.extent(axis);
    scale[i] = g.scales[i] != 0 ? f64(g.scales[i])
                                : f64(double(g.outputSizes[i])) /
                                      cast<double>(inputSize[i]);
  }
  for (size_t d = 0; d < openExtents.size(); ++d) {
    if (!isOpen(op.result.shape[d]))
      continue;
    openExtents[d] = input.extent(d);
    for (int i = 0; i < 2; ++i)
      if (size_t(g.axes[i]) == d) {
        auto ratio = spec::resampledSizeRatio(g.scales[i]);
        if (!ratio)
          throw std::runtime_error("resample2d: open size without a ratio");
        openExtents[d] = (input.extent(d) * int(ratio->first)) /
                         int(ratio->second);
      }
  }
  Defined defined = definePointwise("resample2d", op, [&](const Index &out) {
    // The sampled input coordinate of each resampled axis, clamped to the
    // input: (o + 0.5) / scale - 0.5, in float64 like the reference so
    // nearest-neighbor picks the same element.
    Expr lo[2], hi[2], weight[2];
    for (int i = 0; i < 2; ++i) {
      Expr last = inputSize[i] - 1;
      Expr c = (cast<double>(out[g.axes[i]]) + f64(0.5)) / scale[i] -
               f64(0.5);
      c = clamp(c, f64(0.0), cast<double>(last));
      if (!linear) {
        lo[i] = cast<int>(ceil(c - f64(0.5))); // nearest, halves round down
        continue;
      }
      Expr f = floor(c);
      lo[i] = cast<int>(f);
      hi[i] = min(lo[i] + 1, last);
      weight[i] = cast<float>(c - f);
    }
    auto at = [&](Expr a, Expr b) {
      Index in = out;
      in[g.axes[0]] = a;
      in[g.axes[1]] = b;
      return readAt(input, in);
    };
    if (!linear)
      return store(at(lo[0], lo[1]), op.result.dataType);
    auto sample = [&](Expr a, Expr b) { return cast<float>(at(a, b)); };
    Expr top = sample(lo[0], lo[1]) * (1.0f - weight[1]) +
               sample(lo[0], hi[1]) * weight[1];
    Expr bottom = sample(hi[0], lo[1]) * (1.0f - weight[1]) +
                  sample(hi[0], hi[1]) * weight[1];
    Expr value = top * (1.0f - weight[0]) + bottom * weight[0];
    if (!spec::isFloatingPoint(op.result.dataType)) {
      // int8/uint8: rounded half to even, saturated (the reference's).
      Type t = storageType(op.result.dataType);
      return cast(t, clamp(round(value), t.is_int() ? -128.0f : 0.0f,
                           t.is_int() ? 127.0f : 255.0f));
    }
    return store(value, op.result.dataType);
  });
  defined.value.openExtents = openExtents;
  return defined;
}

} // namespace webnnc::halide
