// SPDX-License-Identifier: Apache-2.0
// Verifiers of the compiler-internal ops (webnn.fused, webnn.packed_matmul,
// webnn.packed_int4_matmul, webnn.packed_conv2d, webnn.winograd_conv2d, webnn.quantized_conv2d,
// webnn.quantized_add).
#include "Verification.h"
#include "webnnc/Spec/Broadcast.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

namespace {

// |count| (columns, output channels) fills |panels| panels of |width|:
// only the last may be partial, and not empty.
LogicalResult verifyPanels(Operation *op, StringRef what, int64_t count,
                           int64_t panels, int64_t width) {
  if (count <= (panels - 1) * width || count > panels * width)
    return op->emitOpError() << what << ": " << count << " does not fill "
                             << panels << " panels of width " << width;
  return success();
}

// A product's optional addend |c| (gemm's C) broadcasts to its result.
LogicalResult verifyAddend(Operation *op, Value c, spec::DataType type,
                           const spec::Shape &shape) {
  if (!c)
    return success();
  auto d = *getDescriptor(c.getType());
  if (d.dataType != type || !spec::isUnidirectionallyBroadcastable(d.shape, shape))
    return op->emitOpError("c: must broadcast to the result, of a's data type");
  return success();
}

// A packed conv's result is the conv's of its input and unpacked filter.
LogicalResult verifyConvResult(Operation *op, Value input,
                               const spec::OperandDescriptor &filter,
                               const spec::Conv2dOptions &options) {
  auto expected =
      spec::conv2d(*getDescriptor(input.getType()), filter, options);
  if (!expected)
    return op->emitOpError() << expected.error().format("conv2d");
  if (*getDescriptor(op->getResult(0).getType()) != *expected)
    return op->emitOpError()
           << "result: must be " << getTensorType(op->getContext(), *expected);
  return success();
}

// The spec options of a channels-last conv with |padding| (and strides
// and dilations, when given) whose filter is presented as hwio.
spec::Conv2dOptions channelsLastOptions(ArrayRef<int64_t> padding,
                                        ArrayRef<int64_t> strides,
                                        ArrayRef<int64_t> dilations,
                                        Value bias) {
  spec::Conv2dOptions options;
  options.padding.assign(padding.begin(), padding.end());
  options.strides.assign(strides.begin(), strides.end());
  options.dilations.assign(dilations.begin(), dilations.end());
  options.inputLayout = spec::InputOperandLayout::Nhwc;
  options.filterLayout = spec::Conv2dFilterOperandLayout::Hwio;
  if (bias)
    options.bias = *getDescriptor(bias.getType());
  return options;
}

bool isByte(spec::DataType t) {
  return t == spec::DataType::Uint8 || t == spec::DataType::Int8;
}

// An 8-bit result's clamp bounds and zero point lie in its type's range.
// (I64Attr getters return the bits unsigned.)
LogicalResult verifyQuantizedOutput(Operation *op, spec::DataType type,
                                    uint64_t minBits, uint64_t maxBits,
                                    uint64_t zeroBits) {
  int64_t lo = type == spec::DataType::Int8 ? -128 : 0;
  int64_t min = int64_t(minBits), max = int64_t(maxBits);
  int64_t zero = int64_t(zeroBits);
  if (min < lo || max > lo + 255 || min > max || zero < lo || zero > lo + 255)
    return op->emitOpError("output_min, output_max, output_zero_point: must "
                           "be an ordered range and a value of the result "
                           "type");
  return success();
}

} // namespace

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
  // Each non-element-wise op starts a stage, as does a leading
  // element-wise chain.
  int stages = 0;
  bool first = true;
  for (Operation &op : block.without_terminator()) {
    if (isa<ConstantOp>(op))
      continue;
    stages += !isElementwise(&op) || first;
    first = false;
  }
  if (stages > 2)
    return emitOpError() << "region: has " << stages
                         << " stages; a kernel computes at most two";
  if ((stages == 2) != getProducer().has_value())
    return emitOpError() << "producer: "
                         << (stages == 2 ? "a region of two stages must name "
                                           "where its first is computed"
                                         : "only a region of two stages has "
                                           "one");
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
  if (failed(verifyPanels(*this, "columns", n, panels, width)))
    return failure();
  spec::Shape shape(a.shape.begin(), a.shape.end() - 2);
  shape.push_back(m);
  shape.push_back(n);
  if (out != spec::OperandDescriptor{a.dataType, shape})
    return emitOpError() << "result: must be "
                         << getTensorType(getContext(), {a.dataType, shape});
  return verifyAddend(*this, getC(), a.dataType, shape);
}

LogicalResult PackedInt4MatmulOp::verify() {
  auto a = *getDescriptor(getA().getType());
  auto b = *getDescriptor(getPackedB().getType());
  auto out = *getDescriptor(getType());
  if (a.rank() < 2 || a.dataType != spec::DataType::Float32)
    return emitOpError("a: must be float32 of rank 2 or more");
  if (b.rank() != 3 || b.dataType != spec::DataType::Uint8)
    return emitOpError("packed_b: must be uint8 [panels, K, panel width / "
                       "2]");
  int64_t k = a.shape[a.rank() - 1], n = getColumns(), block = getBlockSize();
  int64_t panels = b.shape[0], width = 2 * b.shape[2];
  if (b.shape[1] != k)
    return emitOpError() << "packed_b: K must be " << k << ", got "
                         << b.shape[1];
  if (failed(verifyPanels(*this, "columns", n, panels, width)))
    return failure();
  if (block < 1 || k % block != 0)
    return emitOpError() << "block_size: " << block << " must divide K ("
                         << k << ")";
  spec::OperandDescriptor params{spec::DataType::Float32,
                                 {panels, k / block, width}};
  for (auto [name, value] :
       {std::pair{"zero", getZero()}, std::pair{"scale", getScale()}})
    if (*getDescriptor(value.getType()) != params)
      return emitOpError() << name << ": must be "
                           << getTensorType(getContext(), params);
  spec::Shape shape(a.shape.begin(), a.shape.end() - 1);
  shape.push_back(n);
  if (out != spec::OperandDescriptor{a.dataType, shape})
    return emitOpError() << "result: must be "
                         << getTensorType(getContext(), {a.dataType, shape});
  return verifyAddend(*this, getC(), a.dataType, shape);
}

spec::Conv2dOptions PackedConv2dOp::conv2dOptions() {
  return channelsLastOptions(getPadding(), getStrides(), getDilations(),
                             getBias());
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
  if (failed(verifyPanels(*this, "output_channels", getOutputChannels(),
                          packed.shape[0], packed.shape[4])))
    return failure();
  if (getPadding().size() != 4 || getStrides().size() != 2 ||
      getDilations().size() != 2)
    return emitOpError("padding, strides and dilations: must have 4, 2 and "
                       "2 values");
  return verifyConvResult(*this, getInput(), unpackedFilter(),
                          conv2dOptions());
}

spec::Conv2dOptions WinogradConv2dOp::conv2dOptions() {
  return channelsLastOptions(getPadding(), {}, {}, getBias());
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
  if (failed(verifyPanels(*this, "output_channels", getOutputChannels(),
                          filter.shape[1], filter.shape[3])))
    return failure();
  if (getPadding().size() != 4)
    return emitOpError("padding: must have 4 values");
  // (nhwc) The tiling needs the image size; the batch may be open.
  spec::Shape in = getDescriptor(getInput().getType())->shape;
  if (in.size() != 4 || spec::isOpen(in[1]) || spec::isOpen(in[2]) ||
      spec::isOpen(in[3]))
    return emitOpError("input: must have static height, width and channels");
  return verifyConvResult(*this, getInput(), unpackedFilter(),
                          conv2dOptions());
}

bool QuantizedConv2dOp::isDepthwise() {
  return getDescriptor(getPackedFilter().getType())->rank() == 3;
}

spec::Conv2dOptions QuantizedConv2dOp::conv2dOptions() {
  spec::Conv2dOptions options =
      channelsLastOptions(getPadding(), getStrides(), getDilations(), {});
  if (isDepthwise())
    options.groups = int64_t(getOutputChannels());
  return options;
}

spec::OperandDescriptor QuantizedConv2dOp::unpackedFilter() {
  auto packed = *getDescriptor(getPackedFilter().getType());
  if (isDepthwise())
    return {spec::DataType::Float32,
            {packed.shape[0], packed.shape[1], 1, packed.shape[2]}};
  return {spec::DataType::Float32,
          {packed.shape[1], packed.shape[2], packed.shape[3] * packed.shape[5],
           int64_t(getOutputChannels())}};
}

LogicalResult QuantizedConv2dOp::verify() {
  auto input = *getDescriptor(getInput().getType());
  auto packed = *getDescriptor(getPackedFilter().getType());
  auto result = *getDescriptor(getType());
  bool floatResult = result.dataType == spec::DataType::Float32;
  if (!isByte(input.dataType) || (!isByte(result.dataType) && !floatResult))
    return emitOpError("input: must be uint8 or int8; result: uint8, int8 "
                       "or float32");
  int64_t channels = getOutputChannels();
  bool dense = packed.rank() == 6 &&
               (packed.shape[5] == 2 || packed.shape[5] == 4);
  bool depthwise = packed.rank() == 3 && packed.shape[2] == channels &&
                   !input.shape.empty() && input.shape.back() == channels;
  if ((!dense && !depthwise) || packed.dataType != spec::DataType::Int8)
    return emitOpError("packed_filter: must be int8 [panels, height, width, "
                       "input channels / T, panel width, T] with T = 2 or "
                       "4, or [height, width, channels] for a depthwise "
                       "conv");
  if (dense && failed(verifyPanels(*this, "output_channels", channels,
                                   packed.shape[0], packed.shape[4])))
    return failure();
  for (auto [name, value, type] :
       {std::tuple{"accumulator_offset", getAccumulatorOffset(),
                   spec::DataType::Int32},
        std::tuple{"scale", getScale(), spec::DataType::Float32},
        std::tuple{"offset", getOffset(), spec::DataType::Float32}}) {
    auto d = *getDescriptor(value.getType());
    if (d != spec::OperandDescriptor{type, {channels}})
      return emitOpError() << name << ": must be "
                           << getTensorType(getContext(), {type, {channels}});
  }
  if (getPadding().size() != 4 || getStrides().size() != 2 ||
      getDilations().size() != 2)
    return emitOpError("padding, strides and dilations: must have 4, 2 and "
                       "2 values");
  if (!floatResult &&
      failed(verifyQuantizedOutput(*this, result.dataType, getOutputMin(),
                                   getOutputMax(), getOutputZeroPoint())))
    return failure();
  if (int64_t(getInputZeroPoint()) < 0 || int64_t(getInputZeroPoint()) > 255)
    return emitOpError("input_zero_point: must be a uint8 value (int8 inputs "
                       "are read shifted by 128)");
  // The shape rule of the float conv it computes.
  spec::OperandDescriptor floatInput{spec::DataType::Float32, input.shape};
  auto expected = spec::conv2d(floatInput, unpackedFilter(), conv2dOptions());
  if (!expected)
    return emitOpError() << expected.error().format("conv2d");
  if (expected->shape != result.shape)
    return emitOpError() << "result: must be "
                         << getTensorType(getContext(),
                                          {result.dataType, expected->shape});
  return success();
}

LogicalResult QuantizedAddOp::verify() {
  auto a = *getDescriptor(getA().getType());
  auto b = *getDescriptor(getB().getType());
  auto result = *getDescriptor(getType());
  if (!isByte(a.dataType) || !isByte(b.dataType) || !isByte(result.dataType))
    return emitOpError("a, b and result: must be uint8 or int8");
  auto shape = spec::broadcastShapes(a.shape, b.shape);
  if (!shape || *shape != result.shape)
    return emitOpError("result: must have the broadcast shape of a and b");
  auto zeroOf = [](spec::DataType t, uint64_t bits) {
    int64_t z = int64_t(bits), lo = t == spec::DataType::Int8 ? -128 : 0;
    return z >= lo && z <= lo + 255;
  };
  if (!zeroOf(a.dataType, getAZeroPoint()) ||
      !zeroOf(b.dataType, getBZeroPoint()))
    return emitOpError("a_zero_point, b_zero_point: must be values of a's "
                       "and b's types");
  if (!(getAScale().convertToDouble() > 0) ||
      !(getBScale().convertToDouble() > 0))
    return emitOpError("a_scale, b_scale: must be positive");
  return verifyQuantizedOutput(*this, result.dataType, getOutputMin(),
                               getOutputMax(), getOutputZeroPoint());
}
