// SPDX-License-Identifier: Apache-2.0
// resample2d.
#include <cmath>

#include "Common.h"
#include "webnnc/Spec/ConvOps.h"

namespace webnnc::spec {
using namespace detail;

std::optional<std::pair<int64_t, int64_t>> resampledSizeRatio(double scale) {
  for (int64_t q = 1; q <= 64; q *= 2) {
    double p = scale * double(q);
    if (p == std::floor(p) && p >= 1 && p <= 1024)
      return std::pair<int64_t, int64_t>{int64_t(p), q};
  }
  return std::nullopt;
}

Expected<Resample2dGeometry>
resolveResample2d(const OperandDescriptor &input,
                  const Resample2dOptions &options) {
  // int8 and uint8 since the 2025 spec (webnn #891).
  WEBNNC_SPEC_CHECK(checkDataType(
      input, "input",
      {DataType::Float32, DataType::Float16, DataType::Int8, DataType::Uint8}));
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 4));
  Resample2dGeometry g;
  std::vector<int64_t> axes =
      options.axes.empty() ? std::vector<int64_t>{2, 3} : options.axes;
  if (axes.size() != 2)
    return makeError("axes", "must have 2 values, got " +
                                 std::to_string(axes.size()));
  WEBNNC_SPEC_CHECK(checkAxes(axes, input.rank()));
  if (!options.sizes.empty()) {
    WEBNNC_SPEC_CHECK(checkListOption(options.sizes, "sizes", 2, 1));
  } else if (!options.scales.empty()) {
    if (options.scales.size() != 2)
      return makeError("scales", "must have 2 values, got " +
                                     std::to_string(options.scales.size()));
    for (double s : options.scales)
      if (!(s > 0) || !std::isfinite(s))
        return makeError("scales", "values must be greater than 0");
  }
  for (int i = 0; i < 2; ++i) {
    g.axes[i] = axes[i];
    g.inputSizes[i] = input.shape[axes[i]];
    if (!options.sizes.empty()) {
      g.outputSizes[i] = options.sizes[i];
      // An open input size: the scale is known at compute (0 here).
      g.scales[i] = isOpen(g.inputSizes[i])
                        ? 0.0
                        : double(g.outputSizes[i]) / double(g.inputSizes[i]);
    } else {
      g.scales[i] = options.scales.empty() ? 1.0 : options.scales[i];
      if (isOpen(g.inputSizes[i])) {
        // floor(size * scale) at compute, exact for a scale p / 2^k.
        if (!resampledSizeRatio(g.scales[i]))
          return makeOpenDimsError(
              "scales", "scaling open axis " + std::to_string(axes[i]) +
                            " by " + std::to_string(g.scales[i]) +
                            " gives a size known only at "
                            "compute that webnnc cannot "
                            "express; use a scale p / 2^k "
                            "(2, 0.5, 1.5...) or give sizes");
        g.outputSizes[i] = kOpenDim;
        continue;
      }
      double size = std::floor(double(g.inputSizes[i]) * g.scales[i]);
      if (size < 1 || size > double(kMaxDimension))
        return makeError("scales", "scaled size of axis " +
                                       std::to_string(axes[i]) +
                                       " must be a valid dimension");
      g.outputSizes[i] = int64_t(size);
    }
  }
  return g;
}

Expected<OperandDescriptor> resample2d(const OperandDescriptor &input,
                                       const Resample2dOptions &options) {
  Expected<Resample2dGeometry> g = resolveResample2d(input, options);
  if (!g)
    return g.error();
  OperandDescriptor out = input;
  for (int i = 0; i < 2; ++i)
    out.shape[g->axes[i]] = g->outputSizes[i];
  WEBNNC_SPEC_CHECK(checkOutput(out));
  return out;
}

} // namespace webnnc::spec
