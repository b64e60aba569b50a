// SPDX-License-Identifier: Apache-2.0
// QuantizeLinear and DequantizeLinear, per tensor or per axis.
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

// ONNX scale/zero point (a scalar, or 1-D along |axis|) reshaped to the
// input's rank, as WebNN's blockwise broadcasting wants.
Operand alongAxis(NodeContext &ctx, Operand t, int64_t rank, int64_t axis) {
  spec::Shape shape(rank, 1);
  if (t.rank() == 1 && rank > 0)
    shape[axis] = t.shape()[0];
  else if (t.rank() != 0)
    return t; // let WebNN's rules judge other shapes
  return ctx.b().reshape(t, shape, ctx.options());
}

void quantization(NodeContext &ctx, bool quantize) {
  Operand x = ctx.input(0), scale = ctx.input(1);
  int64_t axisValue = ctx.attrInt("axis", 1);
  if (ctx.failed())
    return;
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
    DataType type = quantize ? DataType::Uint8 : x.dataType();
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
