// SPDX-License-Identifier: Apache-2.0
// Convolutions, pooling and resampling.
#include <cmath>

#include "Common.h"
#include "webnnc/Spec/ConvOps.h"
#include "webnnc/Spec/WindowRule.h"

namespace webnnc::spec {
using namespace detail;

namespace {

// Channels must be known at build time: weights are sized by them.
std::optional<Error> checkStaticChannels(int64_t channels) {
  if (!isOpen(channels))
    return std::nullopt;
  return makeOpenDimsError("input", "channels must not be an open dimension");
}

// The spec's "calculate conv output size" (WindowRule.h), rounded down or
// up; NaN (open) for an open input size.
double windowOutput(int64_t inputSize, const WindowDim &d, bool ceil) {
  StaticSizeArith arith;
  return windowOutputSize(
      arith, isOpen(inputSize) ? std::nan("") : double(inputSize), d, ceil);
}

// An open input size gives an open output size; compute checks that the
// window fits the actual input.
bool isOpenSize(double size) { return std::isnan(size); }
int64_t toDimension(double size) {
  return isOpenSize(size) ? kOpenDim : static_cast<int64_t>(size);
}

std::optional<Error> checkOutputSize(double size, std::string_view which) {
  if (isOpenSize(size) || size >= 1 && size <= double(kMaxDimension))
    return std::nullopt;
  return makeError("output",
                   std::string(which) + " must be a valid dimension, got " +
                       std::to_string(static_cast<int64_t>(std::floor(size))) +
                       " (the window does not fit the padded input)");
}

} // namespace

Expected<Conv2dGeometry> resolveConv2d(const OperandDescriptor &input,
                                       const OperandDescriptor &filter,
                                       const Conv2dOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 4));
  WEBNNC_SPEC_CHECK(checkRank(filter, "filter", 4));
  WEBNNC_SPEC_CHECK(checkSameType(filter, "filter", input, "input"));
  WEBNNC_SPEC_CHECK(checkNoOpenDims(filter, "filter"));
  WEBNNC_SPEC_CHECK(checkListOption(options.padding, "padding", 4, 0));
  WEBNNC_SPEC_CHECK(checkListOption(options.strides, "strides", 2, 1));
  WEBNNC_SPEC_CHECK(checkListOption(options.dilations, "dilations", 2, 1));
  if (options.groups <= 0 || options.groups > kMaxDimension)
    return makeError("groups", "must be greater than 0");

  Conv2dGeometry g;
  g.padding = listOrDefault<4>(options.padding, 0);
  g.strides = listOrDefault<2>(options.strides, 1);
  g.dilations = listOrDefault<2>(options.dilations, 1);
  g.groups = options.groups;

  ActivationDims in = activationDims(options.inputLayout, input.shape);
  g.batches = in.batches, g.inputChannels = in.channels,
  g.inputHeight = in.height, g.inputWidth = in.width;
  WEBNNC_SPEC_CHECK(checkStaticChannels(g.inputChannels));
  const Shape &f = filter.shape;
  FilterAxes axes = filterAxes(options.filterLayout);
  g.outputChannels = f[axes.output], g.filterHeight = f[axes.height],
  g.filterWidth = f[axes.width];
  int64_t filterInputChannels = f[axes.input];
  if (g.inputChannels % g.groups != 0)
    return makeError("input", "channels (" + std::to_string(g.inputChannels) +
                                  ") must be divisible by groups (" +
                                  std::to_string(g.groups) + ")");
  if (g.inputChannels / g.groups != filterInputChannels)
    return makeError("filter",
                     "input channels (" + std::to_string(filterInputChannels) +
                         ") must equal the input's channels / groups (" +
                         std::to_string(g.inputChannels / g.groups) + ")");
  // Not a spec step, but grouped convolution is undefined without it.
  if (g.outputChannels % g.groups != 0)
    return makeError("filter", "output channels (" +
                                   std::to_string(g.outputChannels) +
                                   ") must be divisible by groups (" +
                                   std::to_string(g.groups) + ")");
  if (options.bias) {
    if (options.bias->shape != Shape{g.outputChannels})
      return makeError("bias", "shape must be [" +
                                   std::to_string(g.outputChannels) +
                                   "], got " + toString(options.bias->shape));
    WEBNNC_SPEC_CHECK(checkSameType(*options.bias, "bias", input, "input"));
  }
  double h = windowOutput(g.inputHeight, g.heightWindow(g.filterHeight), false);
  double w = windowOutput(g.inputWidth, g.widthWindow(g.filterWidth), false);
  WEBNNC_SPEC_CHECK(checkOutputSize(h, "height"));
  WEBNNC_SPEC_CHECK(checkOutputSize(w, "width"));
  g.outputHeight = toDimension(h);
  g.outputWidth = toDimension(w);
  return g;
}

Expected<OperandDescriptor> conv2d(const OperandDescriptor &input,
                                   const OperandDescriptor &filter,
                                   const Conv2dOptions &options) {
  Expected<Conv2dGeometry> g = resolveConv2d(input, filter, options);
  if (!g)
    return g.error();
  return OperandDescriptor{input.dataType,
                           activationShape(options.inputLayout, g->batches,
                                           g->outputChannels, g->outputHeight,
                                           g->outputWidth)};
}

std::string_view toString(PoolKind kind) {
  switch (kind) {
  case PoolKind::Average:
    return "averagePool2d";
  case PoolKind::L2:
    return "l2Pool2d";
  case PoolKind::Max:
    return "maxPool2d";
  }
  return "?";
}

Expected<Pool2dGeometry> resolvePool2d(PoolKind kind,
                                       const OperandDescriptor &input,
                                       const Pool2dOptions &options) {
  WEBNNC_SPEC_CHECK(
      checkDataType(input, "input",
                    kind == PoolKind::Max ? DataTypeSet::all() : kFloatTypes));
  WEBNNC_SPEC_CHECK(checkRank(input, "input", 4));
  WEBNNC_SPEC_CHECK(
      checkListOption(options.windowDimensions, "windowDimensions", 2, 1));
  WEBNNC_SPEC_CHECK(checkListOption(options.padding, "padding", 4, 0));
  WEBNNC_SPEC_CHECK(checkListOption(options.strides, "strides", 2, 1));
  WEBNNC_SPEC_CHECK(checkListOption(options.dilations, "dilations", 2, 1));
  WEBNNC_SPEC_CHECK(checkListOption(options.outputSizes, "outputSizes", 2, 1));

  Pool2dGeometry g;
  ActivationDims in = activationDims(options.layout, input.shape);
  g.batches = in.batches, g.channels = in.channels, g.inputHeight = in.height,
  g.inputWidth = in.width;
  if ((isOpen(g.inputHeight) || isOpen(g.inputWidth)) &&
      (options.windowDimensions.empty() || !options.outputSizes.empty()))
    return makeOpenDimsError("input",
                             "open height or width needs windowDimensions "
                             "and no outputSizes");
  g.windowHeight = options.windowDimensions.empty()
                       ? g.inputHeight
                       : options.windowDimensions[0];
  g.windowWidth = options.windowDimensions.empty()
                      ? g.inputWidth
                      : options.windowDimensions[1];
  // Padding counts with outputSizes too (as WPT's pooling cases require).
  g.padding = listOrDefault<4>(options.padding, 0);
  g.strides = listOrDefault<2>(options.strides, 1);
  g.dilations = listOrDefault<2>(options.dilations, 1);

  WindowDim dh = g.heightWindow(g.windowHeight);
  WindowDim dw = g.widthWindow(g.windowWidth);
  double h = windowOutput(g.inputHeight, dh, false);
  double w = windowOutput(g.inputWidth, dw, false);
  double hCeil = windowOutput(g.inputHeight, dh, true);
  double wCeil = windowOutput(g.inputWidth, dw, true);
  if (!options.outputSizes.empty()) {
    // outputSizes must be both computed sizes rounded down, or both
    // rounded up.
    int64_t oh = options.outputSizes[0], ow = options.outputSizes[1];
    bool floors = oh == int64_t(h) && ow == int64_t(w);
    bool ceils = oh == int64_t(hCeil) && ow == int64_t(wCeil);
    if (!floors && !ceils)
      return makeError("outputSizes",
                       "must be the computed output sizes rounded down ([" +
                           std::to_string(int64_t(h)) + "," +
                           std::to_string(int64_t(w)) + "]) or up ([" +
                           std::to_string(int64_t(hCeil)) + "," +
                           std::to_string(int64_t(wCeil)) + "])");
    h = double(oh), w = double(ow);
  } else if (options.outputShapeRounding == RoundingType::Ceil) {
    h = hCeil, w = wCeil;
  }
  WEBNNC_SPEC_CHECK(checkOutputSize(h, "height"));
  WEBNNC_SPEC_CHECK(checkOutputSize(w, "width"));
  g.outputHeight = toDimension(h);
  g.outputWidth = toDimension(w);
  return g;
}

Expected<OperandDescriptor> pool2d(PoolKind kind,
                                   const OperandDescriptor &input,
                                   const Pool2dOptions &options) {
  Expected<Pool2dGeometry> g = resolvePool2d(kind, input, options);
  if (!g)
    return g.error();
  return OperandDescriptor{
      input.dataType, activationShape(options.layout, g->batches, g->channels,
                                      g->outputHeight, g->outputWidth)};
}

} // namespace webnnc::spec
