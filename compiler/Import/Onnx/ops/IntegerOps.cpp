// SPDX-License-Identifier: Apache-2.0
// ONNX's integer ops as WebNN float graphs, which WebNN's conv2d and matmul
// need (they take floats): MatMulInteger and ConvInteger compute on the
// zero-point-shifted values, QLinearMatMul and QLinearConv on the
// dequantized ones and quantize the result, DynamicQuantizeLinear finds its
// scale from the input's range. Products are summed in float32: exact
// integers while a sum stays below 2^24 (uint8 x int8 over 256 terms),
// rounded beyond that, as float32 MatMul would be.
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

Operand asFloat(NodeContext &ctx, const Operand &x) {
  return x.dataType() == DataType::Float32
             ? x
             : ctx.b().cast(x, DataType::Float32, ctx.options());
}

// float(x) - float(zeroPoint), the zero point along |axis| of x.
Operand shifted(NodeContext &ctx, const Operand &x, size_t zeroPoint,
                size_t axis) {
  Operand xf = asFloat(ctx, x);
  if (!ctx.hasInput(zeroPoint) || ctx.failed())
    return xf;
  Operand zero = asFloat(ctx, ctx.input(zeroPoint));
  return ctx.b().sub(xf, alongAxis(ctx, zero, int64_t(x.rank()), int64_t(axis)),
                     ctx.options());
}

// One element: ONNX writes scalars as [] or [1].
bool isScalar(const Operand &t) {
  return t.rank() == 0 || (t.rank() == 1 && t.shape()[0] == 1);
}

// (x - zeroPoint) * scale, both along |axis| of x.
Operand dequantized(NodeContext &ctx, size_t x, size_t scale, size_t zeroPoint,
                    size_t axis) {
  Operand value = ctx.input(x);
  if (ctx.failed())
    return {};
  Operand s = ctx.input(scale);
  if (ctx.failed())
    return {};
  return ctx.b().mul(shifted(ctx, value, zeroPoint, axis),
                     alongAxis(ctx, s, int64_t(value.rank()), int64_t(axis)),
                     ctx.options());
}

// y quantized by the (per-tensor) scale and zero point inputs.
void setQuantized(NodeContext &ctx, const Operand &y, size_t scale,
                  size_t zeroPoint) {
  if (!y || ctx.failed())
    return;
  Operand s = ctx.input(scale), zero = ctx.input(zeroPoint);
  if (ctx.failed())
    return;
  if (!isScalar(s) || !isScalar(zero))
    return ctx.invalid("the output scale and zero point are scalars");
  s = ctx.b().reshape(s, {}, ctx.options());
  zero = ctx.b().reshape(zero, {}, ctx.options());
  ctx.set(0, ctx.b().quantizeLinear(y, s, zero, ctx.options()));
}

// Integer results: the float sums are whole numbers (below 2^24).
void setInt32(NodeContext &ctx, const Operand &y) {
  if (!y || ctx.failed())
    return;
  ctx.set(0, ctx.b().cast(ctx.b().roundEven(y, ctx.options()), DataType::Int32,
                          ctx.options()));
}

// A: [..., M, K] with a per-row zero point; B: [..., K, N] per column.
void convertMatMulInteger(NodeContext &ctx) {
  Operand a = ctx.input(0), b = ctx.input(1);
  if (ctx.failed())
    return;
  Operand as = shifted(ctx, a, 2, a.rank() >= 2 ? a.rank() - 2 : 0);
  Operand bs = shifted(ctx, b, 3, b.rank() - 1);
  setInt32(ctx, ctx.convertAs("MatMul", {as, bs}));
}

// W: [M, C / group, kH, kW] with a per-output-channel zero point.
void convertConvInteger(NodeContext &ctx) {
  Operand x = ctx.input(0), w = ctx.input(1);
  if (ctx.failed())
    return;
  setInt32(ctx, ctx.convertAs("Conv",
                              {shifted(ctx, x, 2, 1), shifted(ctx, w, 3, 0)}));
}

// Inputs: a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale,
// y_zero_point.
void convertQLinearMatMul(NodeContext &ctx) {
  size_t aRank = ctx.inputRank(0), bRank = ctx.inputRank(3);
  if (ctx.failed())
    return;
  Operand a = dequantized(ctx, 0, 1, 2, aRank >= 2 ? aRank - 2 : 0);
  Operand b = dequantized(ctx, 3, 4, 5, bRank - 1);
  if (ctx.failed())
    return;
  setQuantized(ctx, ctx.convertAs("MatMul", {a, b}), 6, 7);
}

// Inputs: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale,
// y_zero_point, and an int32 bias whose scale is x_scale * w_scale.
void convertQLinearConv(NodeContext &ctx) {
  Operand x = dequantized(ctx, 0, 1, 2, 1);
  Operand w = dequantized(ctx, 3, 4, 5, 0);
  if (ctx.failed())
    return;
  Operand bias;
  if (ctx.hasInput(8)) {
    Operand scale = ctx.b().mul(ctx.input(1), ctx.input(4), ctx.options());
    if (ctx.failed())
      return;
    if (isScalar(scale))
      scale = ctx.b().reshape(scale, {}, ctx.options());
    bias = ctx.b().mul(asFloat(ctx, ctx.input(8)), scale, ctx.options());
  }
  setQuantized(ctx, ctx.convertAs("Conv", {x, w, bias}), 6, 7);
}

// uint8 over the input's range widened to include 0: scale = (max - min) /
// 255, zero point = round(-min / scale).
void convertDynamicQuantizeLinear(NodeContext &ctx) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  if (x.dataType() != DataType::Float32)
    return ctx.invalid("x must be float32");
  auto &g = ctx.b();
  auto options = ctx.options();
  Operand zero = scalar(ctx, DataType::Float32, 0.0);
  spec::ReduceOptions all = ctx.labelled(spec::ReduceOptions{});
  Operand low = g.min(g.reduceMin(x, all), zero, options);
  Operand high = g.max(g.reduceMax(x, all), zero, options);
  Operand scale = g.div(g.sub(high, low, options),
                        scalar(ctx, DataType::Float32, 255.0), options);
  spec::ClampOptions byte = ctx.labelled(spec::ClampOptions{});
  byte.minValue = 0;
  byte.maxValue = 255;
  Operand zeroPoint = g.cast(
      g.roundEven(g.clamp(g.div(g.neg(low, options), scale, options), byte),
                  options),
      DataType::Uint8, options);
  ctx.set(0, g.quantizeLinear(x, scale, zeroPoint, options));
  ctx.set(1, scale);
  ctx.set(2, zeroPoint);
}

} // namespace

void registerIntegerOps(ConverterTable &t) {
  t["MatMulInteger"] = convertMatMulInteger;
  t["ConvInteger"] = convertConvInteger;
  t["QLinearMatMul"] = convertQLinearMatMul;
  t["QLinearConv"] = convertQLinearConv;
  t["DynamicQuantizeLinear"] = convertDynamicQuantizeLinear;
}

} // namespace webnnc::importer
