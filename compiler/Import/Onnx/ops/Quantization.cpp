// SPDX-License-Identifier: Apache-2.0
// QuantizeLinear and DequantizeLinear, per tensor or per axis.
#include "../TensorProto.h"
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

// Opset 21's blocked scales: [.., ceil(D / block), ..] along |axis|. WebNN
// broadcasts a scale over equal blocks that divide the dimension; a last,
// shorter block is spelled out by gathering each element's block.
Operand blocks(NodeContext &ctx, Operand t, int64_t axis, int64_t block,
               int64_t size) {
  if (size % block == 0 || !t)
    return t;
  std::vector<int32_t> index(static_cast<size_t>(size));
  for (int64_t i = 0; i < size; ++i)
    index[size_t(i)] = int32_t(i / block);
  spec::GatherOptions options = ctx.labelled(spec::GatherOptions{});
  options.axis = axis;
  return ctx.b().gather(
      t,
      ctx.b().constant({DataType::Int32, {size}}, std::span<const int32_t>(index)),
      options);
}

void quantization(NodeContext &ctx, bool quantize) {
  Operand x = ctx.input(0), scale = ctx.input(1);
  int64_t axisValue = ctx.attrInt("axis", 1);
  int64_t block = ctx.opset() >= 21 ? ctx.attrInt("block_size", 0) : 0;
  std::optional<DataType> outputType;
  if (quantize && ctx.opset() >= 21 && ctx.has("output_dtype")) {
    int32_t to = int32_t(ctx.attrInt("output_dtype", 0));
    outputType = webnnType(to);
    if (!outputType)
      return ctx.notInWebNN("output_dtype " + onnxTypeName(to));
  }
  ctx.ignore("saturate"); // float8 outputs only
  // Opset 23's precision: the type the quantizer divides in (default the
  // scale's, float32 here); another one would round differently.
  if (quantize && ctx.opset() >= 23 && ctx.has("precision") &&
      ctx.attrInt("precision", 0) != onnx::TensorProto::FLOAT)
    return ctx.unsupported("precision " +
                           onnxTypeName(int32_t(ctx.attrInt("precision", 0))) +
                           " (divisions in float32 only)");
  if (ctx.failed())
    return;
  if (block > 0) {
    auto axis = normalizeAxis(axisValue, int64_t(x.rank()));
    if (!axis || scale.rank() != x.rank())
      return ctx.invalid("a blocked scale has the input's rank and a valid "
                         "axis");
    int64_t size = x.shape()[size_t(*axis)];
    if (spec::isOpen(size))
      return ctx.unsupported("blocks along an open dimension");
    Operand zero = ctx.hasInput(2) ? ctx.input(2)
                   : ctx.b().constant({outputType.value_or(
                                           quantize ? DataType::Uint8
                                                    : x.dataType()),
                                       scale.shape()},
                                      0.0);
    scale = blocks(ctx, scale, *axis, block, size);
    zero = blocks(ctx, zero, *axis, block, size);
    return ctx.set(0, quantize ? ctx.b().quantizeLinear(x, scale, zero,
                                                        ctx.options())
                               : ctx.b().dequantizeLinear(x, scale, zero,
                                                          ctx.options()));
  }
  int64_t rank = int64_t(x.rank());
  // The axis matters only for per-axis (1-D) scales.
  auto axis = rank == 0 || scale.rank() == 0 ? std::optional<int64_t>(0)
                                             : normalizeAxis(axisValue, rank);
  if (!axis)
    return ctx.invalid("axis " + std::to_string(axisValue) +
                       " is out of range for rank " + std::to_string(rank));
  Operand zero;
  if (ctx.hasInput(2)) {
    zero = ctx.input(2);
  } else {
    DataType type = outputType.value_or(quantize ? DataType::Uint8
                                                 : x.dataType());
    zero = ctx.b().constant({type, scale.shape()}, 0.0);
  }
  scale = alongAxis(ctx, scale, rank, *axis);
  zero = alongAxis(ctx, zero, rank, *axis);
  ctx.set(0, quantize
                 ? ctx.b().quantizeLinear(x, scale, zero, ctx.options())
                 : ctx.b().dequantizeLinear(x, scale, zero, ctx.options()));
}

void convertQuantizeLinear(NodeContext &ctx) { quantization(ctx, true); }
void convertDequantizeLinear(NodeContext &ctx) { quantization(ctx, false); }

} // namespace

void registerQuantizationOps(ConverterTable &t) {
  t["QuantizeLinear"] = convertQuantizeLinear;
  t["DequantizeLinear"] = convertDequantizeLinear;
}

} // namespace webnnc::importer
