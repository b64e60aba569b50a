// SPDX-License-Identifier: Apache-2.0
// convTranspose2d.
#include <algorithm>

#include "Common.h"
#include "webnnc/Spec/ConvOps.h"

namespace webnnc::spec {
using namespace detail;

Expected<Conv2dGeometry>
resolveConvTranspose2d(const OperandDescriptor &input,
                       const OperandDescriptor &filter,
                       const ConvTranspose2dOptions &options) {
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 4));
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkRank(filter, "filter", 4));
  WEBNNC_SPEC_CHECK(checkSameType(filter, "filter", input, "input"));
  WEBNNC_SPEC_CHECK(checkNoOpenDims(filter, "filter"));
  WEBNNC_SPEC_CHECK(checkListOption(options.padding, "padding", 4, 0));
  WEBNNC_SPEC_CHECK(checkListOption(options.strides, "strides", 2, 1));
  WEBNNC_SPEC_CHECK(checkListOption(options.dilations, "dilations", 2, 1));
  WEBNNC_SPEC_CHECK(
      checkListOption(options.outputPadding, "outputPadding", 2, 0));
  WEBNNC_SPEC_CHECK(checkListOption(options.outputSizes, "outputSizes", 2, 1));

  Conv2dGeometry g;
  g.padding = listOrDefault<4>(options.padding, 0);
  g.strides = listOrDefault<2>(options.strides, 1);
  g.dilations = listOrDefault<2>(options.dilations, 1);
  std::array<int64_t, 2> outputPadding =
      listOrDefault<2>(options.outputPadding, 0);
  if (options.outputSizes.empty())
    for (int i = 0; i < 2; ++i)
      if (outputPadding[i] >= g.strides[i])
        return makeError("outputPadding",
                         "values must be smaller than the strides, got " +
                             toString(Shape(outputPadding.begin(),
                                            outputPadding.end())));
  if (options.groups <= 0 || options.groups > kMaxDimension)
    return makeError("groups", "must be greater than 0");
  g.groups = options.groups;

  ActivationDims in = activationDims(options.inputLayout, input.shape);
  g.batches = in.batches, g.inputChannels = in.channels,
  g.inputHeight = in.height, g.inputWidth = in.width;
  if (isOpen(g.inputChannels))
    return makeOpenDimsError("input", "channels must not be an open dimension");
  // An open height or width gives an open output size, checked at compute;
  // outputSizes could only be checked against it there, so it is refused.
  bool openSpatial = isOpen(g.inputHeight) || isOpen(g.inputWidth);
  if (openSpatial && !options.outputSizes.empty())
    return makeOpenDimsError("outputSizes",
                             "cannot be given for an input with an "
                             "open height or width");
  const Shape &f = filter.shape;
  int64_t filterInputChannels = 0, filterOutputChannels = 0;
  switch (options.filterLayout) {
  case ConvTranspose2dFilterOperandLayout::Iohw:
    filterInputChannels = f[0], filterOutputChannels = f[1],
    g.filterHeight = f[2], g.filterWidth = f[3];
    break;
  case ConvTranspose2dFilterOperandLayout::Hwoi:
    g.filterHeight = f[0], g.filterWidth = f[1], filterOutputChannels = f[2],
    filterInputChannels = f[3];
    break;
  case ConvTranspose2dFilterOperandLayout::Ohwi:
    filterOutputChannels = f[0], g.filterHeight = f[1], g.filterWidth = f[2],
    filterInputChannels = f[3];
    break;
  }
  if (g.inputChannels != filterInputChannels)
    return makeError("filter",
                     "input channels (" + std::to_string(filterInputChannels) +
                         ") must equal the input's channels (" +
                         std::to_string(g.inputChannels) + ")");
  // Not a spec step, but each group needs a whole share of the input.
  if (g.inputChannels % g.groups != 0)
    return makeError("input", "channels (" + std::to_string(g.inputChannels) +
                                  ") must be divisible by groups (" +
                                  std::to_string(g.groups) + ")");
  g.outputChannels = filterOutputChannels * g.groups;
  if (g.outputChannels > kMaxDimension)
    return makeError("filter", "output channels times groups must be a valid "
                               "dimension");
  if (options.bias) {
    WEBNNC_SPEC_CHECK(checkShape(*options.bias, "bias", {g.outputChannels}));
    WEBNNC_SPEC_CHECK(checkSameType(*options.bias, "bias", input, "input"));
  }

  // The rule in WindowRule.h, computed in double (no overflow) and
  // clamped far outside the valid sizes.
  auto calculated = [&](int64_t inputSize, const WindowDim &d) {
    if (isOpen(inputSize))
      return kOpenDim;
    StaticSizeArith arith;
    double size = transposedOutputSize(arith, double(inputSize), d, 0);
    constexpr double kFar = double(int64_t(1) << 62);
    return int64_t(std::clamp(size, -kFar, kFar));
  };
  int64_t h = calculated(g.inputHeight, g.heightWindow(g.filterHeight));
  int64_t w = calculated(g.inputWidth, g.widthWindow(g.filterWidth));
  if (!options.outputSizes.empty()) {
    int64_t sizes[2] = {options.outputSizes[0], options.outputSizes[1]};
    int64_t calc[2] = {h, w};
    for (int i = 0; i < 2; ++i)
      if (sizes[i] < calc[i] || sizes[i] >= calc[i] + g.strides[i])
        return makeError("outputSizes",
                         std::string(i ? "width" : "height") + " " +
                             std::to_string(sizes[i]) + " must be in [" +
                             std::to_string(calc[i]) + ", " +
                             std::to_string(calc[i] + g.strides[i]) + ")");
    h = sizes[0], w = sizes[1];
  } else {
    h += isOpen(h) ? 0 : outputPadding[0];
    w += isOpen(w) ? 0 : outputPadding[1];
  }
  if (openSpatial) {
    // Whichever side is static must still be a valid size.
    for (int64_t size : {h, w})
      if (!isOpen(size) && (size < 1 || size > kMaxDimension))
        return makeError("output", "size " + std::to_string(size) +
                                       " is not a valid dimension (padding "
                                       "crops the whole output)");
    g.outputHeight = h;
    g.outputWidth = w;
    return g;
  }
  if (h < 1 || h > kMaxDimension || w < 1 || w > kMaxDimension)
    return makeError("output", "size [" + std::to_string(h) + "," +
                                   std::to_string(w) +
                                   "] is not a valid shape (padding crops "
                                   "the whole output)");
  g.outputHeight = h;
  g.outputWidth = w;
  return g;
}

Expected<OperandDescriptor>
convTranspose2d(const OperandDescriptor &input,
                const OperandDescriptor &filter,
                const ConvTranspose2dOptions &options) {
  Expected<Conv2dGeometry> g = resolveConvTranspose2d(input, filter, options);
  if (!g)
    return g.error();
  return OperandDescriptor{
      input.dataType,
      activationShape(options.inputLayout, g->batches, g->outputChannels,
                      g->outputHeight, g->outputWidth)};
}

} // namespace webnnc::spec
