// SPDX-License-Identifier: Apache-2.0
// Verifiers of the compiler-internal ops (webnn.fused, webnn.packed_matmul,
// webnn.packed_conv2d, webnn.winograd_conv2d).
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

LogicalResult FusedOp::verify() {
  Block &block = getBody().front();
  if (block.getNumArguments() != getInputs().size())
    return emitOpError() << "region: has " << block.getNumArguments()
                         << " arguments for " << getInputs().size()
                         << " inputs";
  for (auto [i, pair] : llvm::enumerate(
           llvm::zip(block.getArgumentTypes(), getInputs().getTypes())))
    if (std::get<0>(pair) != std::get<1>(pair))
      return emitOpError() << "region: argument " << i << " has type "
                           << std::get<0>(pair) << ", its input "
                           << std::get<1>(pair);
  auto yield = dyn_cast_or_null<YieldOp>(
      block.empty() ? nullptr : &block.back());
  if (!yield)
    return emitOpError("region: must end with webnn.yield");
  if (yield.getValue().getType() != getType())
    return emitOpError() << "region: yields " << yield.getValue().getType()
                         << ", the result is " << getType();
  return success();
}

LogicalResult PackedMatmulOp::verify() {
  auto a = *getDescriptor(getA().getType());
  auto b = *getDescriptor(getPackedB().getType());
  auto out = *getDescriptor(getType());
  if (a.rank() < 2 || (getATranspose() && a.rank() != 2))
    return emitOpError("a: rank must be at least 2 (exactly 2 if "
                       "transposed)");
  if (b.rank() != 3 || b.dataType != a.dataType)
    return emitOpError("packed_b: must be [panels, K, panel width] of a's "
                       "data type");
  int64_t m = getATranspose() ? a.shape[1] : a.shape[a.rank() - 2];
  int64_t k = getATranspose() ? a.shape[0] : a.shape[a.rank() - 1];
  int64_t n = getColumns(), panels = b.shape[0], width = b.shape[2];
  if (b.shape[1] != k)
    return emitOpError() << "packed_b: K must be " << k << ", got "
                         << b.shape[1];
  if (n <= (panels - 1) * width || n > panels * width)
    return emitOpError() << "columns: " << n << " does not fill " << panels
                         << " panels of width " << width;
  spec::Shape shape(a.shape.begin(), a.shape.end() - 2);
  shape.push_back(m);
  shape.push_back(n);
  if (out != spec::OperandDescriptor{a.dataType, shape})
    return emitOpError() << "result: must be "
                         << getTensorType(getContext(), {a.dataType, shape});
  if (Value c = getC()) {
    auto cDesc = *getDescriptor(c.getType());
    if (cDesc.dataType != a.dataType ||
        !spec::isUnidirectionallyBroadcastable(cDesc.shape, shape))
      return emitOpError("c: must broadcast to the result, of a's data type");
  }
  return success();
}

spec::Conv2dOptions PackedConv2dOp::conv2dOptions() {
  spec::Conv2dOptions options;
  options.padding = std::vector<int64_t>(getPadding().begin(), getPadding().end());
  options.strides = std::vector<int64_t>(getStrides().begin(), getStrides().end());
  options.dilations =
      std::vector<int64_t>(getDilations().begin(), getDilations().end());
  options.inputLayout = spec::InputOperandLayout::Nhwc;
  options.filterLayout = spec::Conv2dFilterOperandLayout::Hwio;
  if (Value bias = getBias())
    options.bias = *getDescriptor(bias.getType());
  return options;
}

spec::OperandDescriptor PackedConv2dOp::unpackedFilter() {
  auto packed = *getDescriptor(getPackedFilter().getType());
  return {packed.dataType,
          {packed.shape[1], packed.shape[2], packed.shape[3],
           int64_t(getOutputChannels())}};
}

LogicalResult PackedConv2dOp::verify() {
  auto packed = *getDescriptor(getPackedFilter().getType());
  if (packed.rank() != 5)
    return emitOpError("packed_filter: must be [panels, height, width, "
                       "input channels, panel width]");
  int64_t channels = getOutputChannels(), panels = packed.shape[0],
          width = packed.shape[4];
  if (channels <= (panels - 1) * width || channels > panels * width)
    return emitOpError() << "output_channels: " << channels
                         << " does not fill " << panels
                         << " panels of width " << width;
  if (getPadding().size() != 4 || getStrides().size() != 2 ||
      getDilations().size() != 2)
    return emitOpError("padding, strides and dilations: must have 4, 2 and "
                       "2 values");
  auto input = *getDescriptor(getInput().getType());
  auto expected = spec::conv2d(input, unpackedFilter(), conv2dOptions());
  if (!expected)
    return emitOpError() << expected.error().format("conv2d");
  if (*getDescriptor(getType()) != *expected)
    return emitOpError() << "result: must be "
                         << getTensorType(getContext(), *expected);
  return success();
}

spec::Conv2dOptions WinogradConv2dOp::conv2dOptions() {
  spec::Conv2dOptions options;
  options.padding = std::vector<int64_t>(getPadding().begin(), getPadding().end());
  options.inputLayout = spec::InputOperandLayout::Nhwc;
  options.filterLayout = spec::Conv2dFilterOperandLayout::Hwio;
  if (Value bias = getBias())
    options.bias = *getDescriptor(bias.getType());
  return options;
}

spec::OperandDescriptor WinogradConv2dOp::unpackedFilter() {
  auto filter = *getDescriptor(getTransformedFilter().getType());
  return {filter.dataType, {3, 3, filter.shape[2], int64_t(getOutputChannels())}};
}

LogicalResult WinogradConv2dOp::verify() {
  auto filter = *getDescriptor(getTransformedFilter().getType());
  int64_t tile = getTile();
  if (tile != 2 && tile != 4)
    return emitOpError("tile: must be 2 or 4");
  int64_t alpha = tile + 2;
  if (filter.rank() != 4 || filter.shape[0] != alpha * alpha)
    return emitOpError() << "transformed_filter: must be [" << alpha * alpha
                         << ", panels, input channels, panel width]";
  int64_t channels = getOutputChannels(), panels = filter.shape[1],
          width = filter.shape[3];
  if (channels <= (panels - 1) * width || channels > panels * width)
    return emitOpError() << "output_channels: " << channels
                         << " does not fill " << panels
                         << " panels of width " << width;
  if (getPadding().size() != 4)
    return emitOpError("padding: must have 4 values");
  auto input = *getDescriptor(getInput().getType());
  if (spec::hasOpenDims(input.shape))
    return emitOpError("input: must have static dimensions");
  auto expected = spec::conv2d(input, unpackedFilter(), conv2dOptions());
  if (!expected)
    return emitOpError() << expected.error().format("conv2d");
  if (*getDescriptor(getType()) != *expected)
    return emitOpError() << "result: must be "
                         << getTensorType(getContext(), *expected);
  return success();
}
