// SPDX-License-Identifier: Apache-2.0
// Convolutions, pooling and resampling.
#ifndef WEBNNC_SPEC_CONVOPS_H_
#define WEBNNC_SPEC_CONVOPS_H_

#include <array>
#include <string_view>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"
#include "webnnc/Spec/WindowRule.h"

namespace webnnc::spec {

using Conv2dOptions = Conv2dOptionsT<OperandDescriptor>;
using ConvTranspose2dOptions = ConvTranspose2dOptionsT<OperandDescriptor>;

// The dimensions of a conv2d filter of |layout| that hold its output
// channels, input channels, height and width.
struct FilterAxes {
  int output, input, height, width;
};
constexpr FilterAxes filterAxes(Conv2dFilterOperandLayout layout) {
  switch (layout) {
  case Conv2dFilterOperandLayout::Oihw:
    return {0, 1, 2, 3};
  case Conv2dFilterOperandLayout::Hwio:
    return {3, 2, 0, 1};
  case Conv2dFilterOperandLayout::Ohwi:
    return {0, 3, 1, 2};
  case Conv2dFilterOperandLayout::Ihwo:
    return {3, 0, 1, 2};
  }
  return {0, 1, 2, 3};
}

// Everything a convolution computes with, resolved from the options and
// shapes, in NCHW terms whatever the layouts.
// Padding, strides and dilations of a 2-D window, resolved to the spec
// defaults; each spatial dimension as the output-size rules take it.
struct SpatialWindow {
  std::array<int64_t, 4> padding{}; // beginH, endH, beginW, endW
  std::array<int64_t, 2> strides{}, dilations{};
  WindowDim heightWindow(int64_t window) const {
    return {padding[0] + padding[1], window, dilations[0], strides[0]};
  }
  WindowDim widthWindow(int64_t window) const {
    return {padding[2] + padding[3], window, dilations[1], strides[1]};
  }
};

struct Conv2dGeometry : SpatialWindow {
  int64_t batches = 0, inputChannels = 0, inputHeight = 0, inputWidth = 0;
  int64_t outputChannels = 0, filterHeight = 0, filterWidth = 0;
  int64_t outputHeight = 0, outputWidth = 0;
  int64_t groups = 1;
};
// Whether each output channel reads one input channel (a depthwise conv:
// one filter per channel).
inline bool isDepthwise(const Conv2dGeometry &g) {
  return g.groups > 1 && g.inputChannels == g.groups &&
         g.outputChannels == g.groups;
}
Expected<Conv2dGeometry> resolveConv2d(const OperandDescriptor &input,
                                       const OperandDescriptor &filter,
                                       const Conv2dOptions &options);
Expected<OperandDescriptor> conv2d(const OperandDescriptor &input,
                                   const OperandDescriptor &filter,
                                   const Conv2dOptions &options);

// For convTranspose2d the geometry's filter is [inputChannels,
// outputChannels / groups, h, w] (iohw) in any layout; padding crops the
// full output.
Expected<Conv2dGeometry>
resolveConvTranspose2d(const OperandDescriptor &input,
                       const OperandDescriptor &filter,
                       const ConvTranspose2dOptions &options);
Expected<OperandDescriptor>
convTranspose2d(const OperandDescriptor &input, const OperandDescriptor &filter,
                const ConvTranspose2dOptions &options);

enum class PoolKind { Average, L2, Max };
std::string_view toString(PoolKind kind);
struct Pool2dGeometry : SpatialWindow {
  int64_t batches = 0, channels = 0, inputHeight = 0, inputWidth = 0;
  int64_t windowHeight = 0, windowWidth = 0;
  int64_t outputHeight = 0, outputWidth = 0;
};
Expected<Pool2dGeometry> resolvePool2d(PoolKind kind,
                                       const OperandDescriptor &input,
                                       const Pool2dOptions &options);
Expected<OperandDescriptor> pool2d(PoolKind kind,
                                   const OperandDescriptor &input,
                                   const Pool2dOptions &options);

// resample2d: the two resampled axes and their output sizes and scales
// (output size / input size, as the sampling uses).
struct Resample2dGeometry {
  std::array<int64_t, 2> axes{};
  std::array<int64_t, 2> inputSizes{}, outputSizes{};
  std::array<double, 2> scales{};
};
// A scale as p / q with q a power of two up to 64 (so size * scale is
// exact in double): how an open axis's resampled size, floor(size * p /
// q), is computed; nullopt for other scales.
std::optional<std::pair<int64_t, int64_t>> resampledSizeRatio(double scale);
// With an open input axis: outputSizes[i] is open when scaled (see
// resampledSizeRatio), scales[i] is 0 when sized (known at compute).
Expected<Resample2dGeometry>
resolveResample2d(const OperandDescriptor &input,
                  const Resample2dOptions &options);
Expected<OperandDescriptor> resample2d(const OperandDescriptor &input,
                                       const Resample2dOptions &options);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_CONVOPS_H_
