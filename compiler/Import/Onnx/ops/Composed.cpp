// SPDX-License-Identifier: Apache-2.0
// ONNX ops WebNN has no single op for, composed from several: the
// hyperbolic functions and their inverses, Shrink, Hardmax, OneHot,
// MeanVarianceNormalization, and the constants EyeLike and the windows.
#include <algorithm>
#include <cmath>

#include "../TensorProto.h"
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;

// Float inputs only (the ONNX types WebNN has for these: float32, float16).
std::optional<Operand> floatInput(NodeContext &ctx) {
  Operand x = ctx.input(0);
  if (ctx.failed())
    return std::nullopt;
  if (!spec::isFloatingPoint(x.dataType()))
    return ctx.invalid("the input must be a float tensor"), std::nullopt;
  return x;
}

// A float input's math: the operand and builder calls with this node's
// label, and constants of its data type.
struct Math {
  NodeContext &ctx;
  Operand x;
  spec::OperatorOptions o;

  GraphBuilder &g() { return ctx.b(); }
  Operand c(double v) { return scalar(ctx, x.dataType(), v); }
  Operand add(const Operand &a, const Operand &b) { return g().add(a, b, o); }
  Operand sub(const Operand &a, const Operand &b) { return g().sub(a, b, o); }
  Operand mul(const Operand &a, const Operand &b) { return g().mul(a, b, o); }
  Operand div(const Operand &a, const Operand &b) { return g().div(a, b, o); }

  // sum of c_k v^(2k+1): the odd series near 0, where the closed forms
  // below lose relative precision (exp(v) - exp(-v), log(1 + small)).
  Operand oddSeries(const Operand &v, const std::vector<double> &k) {
    Operand v2 = mul(v, v);
    Operand sum = c(k.back());
    for (size_t i = k.size() - 1; i-- > 0;)
      sum = add(mul(sum, v2), c(k[i]));
    return mul(sum, v);
  }
  // |x| < limit ? series : closed.
  Operand nearZero(double limit, const Operand &series,
                   const Operand &closed) {
    Operand small = g().lesser(g().abs(x, o), c(limit), o);
    return g().where(small, series, closed, o);
  }

  // atan(v) by argument reduction to |t| <= tan(pi/8) and an odd
  // polynomial (the minimax coefficients of Cephes' atanf, about 1e-7
  // relative): |v| > tan(3pi/8) uses pi/2 + atan(-1/|v|), |v| > tan(pi/8)
  // uses pi/4 + atan((|v| - 1) / (|v| + 1)). The branches not taken may
  // divide by zero; where() picks without mixing them in.
  Operand arctangent(const Operand &v) {
    Operand a = g().abs(v, o);
    Operand big = g().greater(a, c(2.414213562373095), o);
    Operand mid = g().greater(a, c(0.4142135623730950), o);
    Operand t = g().where(
        big, div(c(-1.0), a),
        g().where(mid, div(sub(a, c(1.0)), add(a, c(1.0))), a, o), o);
    Operand base =
        g().where(big, c(M_PI / 2), g().where(mid, c(M_PI / 4), c(0.0), o), o);
    Operand z = mul(t, t);
    Operand p = c(8.05374449538e-2);
    for (double k : {-1.38776856032e-1, 1.99777106478e-1, -3.33329491539e-1})
      p = add(mul(p, z), c(k));
    p = add(mul(mul(p, z), t), t);
    return mul(g().sign(v, o), add(base, p));
  }
};

// A converter from float input 0 to output 0 by |formula|.
template <Operand (*formula)(Math &)> void convertMath(NodeContext &ctx) {
  if (auto x = floatInput(ctx)) {
    Math m{ctx, *x, ctx.options()};
    ctx.set(0, formula(m));
  }
}

// (exp(x) - exp(-x)) / 2; near 0, x + x^3/3! + ... + x^9/9! (below 1e-8
// relative error for |x| < 0.5).
Operand sinh(Math &m) {
  Operand closed = m.mul(m.sub(m.g().exp(m.x, m.o),
                               m.g().exp(m.g().neg(m.x, m.o), m.o)),
                         m.c(0.5));
  Operand series = m.oddSeries(
      m.x, {1.0, 1.0 / 6, 1.0 / 120, 1.0 / 5040, 1.0 / 362880});
  return m.nearZero(0.5, series, closed);
}

Operand cosh(Math &m) {
  return m.mul(
      m.add(m.g().exp(m.x, m.o), m.g().exp(m.g().neg(m.x, m.o), m.o)),
      m.c(0.5));
}

// sign(x) log(|x| + sqrt(x^2 + 1)).
Operand asinh(Math &m) {
  Operand a = m.g().abs(m.x, m.o);
  Operand root = m.g().sqrt(m.add(m.mul(a, a), m.c(1.0)), m.o);
  Operand closed =
      m.mul(m.g().sign(m.x, m.o), m.g().log(m.add(a, root), m.o));
  Operand series = m.oddSeries(
      m.x, {1.0, -1.0 / 6, 3.0 / 40, -15.0 / 336, 105.0 / 3456});
  return m.nearZero(0.1, series, closed);
}

// log(x + sqrt(x^2 - 1)), x >= 1.
Operand acosh(Math &m) {
  Operand root = m.g().sqrt(m.sub(m.mul(m.x, m.x), m.c(1.0)), m.o);
  return m.g().log(m.add(m.x, root), m.o);
}

// log((1 + x) / (1 - x)) / 2.
Operand atanh(Math &m) {
  Operand ratio = m.div(m.add(m.c(1.0), m.x), m.sub(m.c(1.0), m.x));
  Operand closed = m.mul(m.g().log(ratio, m.o), m.c(0.5));
  Operand series =
      m.oddSeries(m.x, {1.0, 1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9});
  return m.nearZero(0.1, series, closed);
}

Operand atan(Math &m) { return m.arctangent(m.x); }

// asin(x) = atan(x / sqrt((1 - x)(1 + x))): the product keeps its
// precision near |x| = 1, where the quotient grows to +-inf and atan to
// +-pi/2; |x| > 1 is NaN.
Operand asin(Math &m) {
  Operand root =
      m.g().sqrt(m.mul(m.sub(m.c(1.0), m.x), m.add(m.c(1.0), m.x)), m.o);
  return m.arctangent(m.div(m.x, root));
}

// acos(x) = 2 atan(sqrt((1 - x) / (1 + x))): no cancellation near x = 1
// (pi/2 - asin(x) would lose the small result's digits).
Operand acos(Math &m) {
  Operand ratio =
      m.g().sqrt(m.div(m.sub(m.c(1.0), m.x), m.add(m.c(1.0), m.x)), m.o);
  return m.mul(m.arctangent(ratio), m.c(2.0));
}

// x < -lambd: x + bias; x > lambd: x - bias; else 0.
void convertShrink(NodeContext &ctx) {
  double bias = ctx.attrFloat("bias", 0.0), lambd = ctx.attrFloat("lambd", 0.5);
  Operand x = ctx.input(0);
  if (ctx.failed())
    return;
  auto &g = ctx.b();
  auto options = ctx.options();
  DataType type = x.dataType();
  Operand low = g.where(g.lesser(x, scalar(ctx, type, -lambd), options),
                        g.add(x, scalar(ctx, type, bias), options),
                        scalar(ctx, type, 0.0), options);
  ctx.set(0, g.where(g.greater(x, scalar(ctx, type, lambd), options),
                     g.sub(x, scalar(ctx, type, bias), options), low, options));
}

// 1 at the first maximum along the axis, 0 elsewhere. Before opset 13 the
// input is seen as 2-D, [rows before axis, the rest], maxima per row.
void convertHardmax(NodeContext &ctx) {
  bool flattened = ctx.opset() < 13;
  int64_t axisValue = ctx.attrInt("axis", flattened ? 1 : -1);
  auto x = floatInput(ctx);
  if (!x)
    return;
  auto dims = ctx.dims(*x);
  if (!dims)
    return;
  auto axis = checkedAxis(ctx, axisValue, int64_t(dims->size()));
  if (!axis)
    return;
  Operand in = *x;
  size_t at = size_t(*axis);
  if (flattened) {
    DimExpr rows(1), columns(1);
    for (size_t d = 0; d < dims->size(); ++d)
      (d < at ? rows : columns) = (d < at ? rows : columns) * (*dims)[d];
    in = ctx.reshapeTo(in, {rows, columns});
    at = 1;
  }
  int64_t size = in.shape()[at];
  if (spec::isOpen(size))
    return ctx.unsupported("the axis has an open size");
  spec::ArgMinMaxOptions options = ctx.labelled(spec::ArgMinMaxOptions{});
  options.keepDimensions = true;
  auto &g = ctx.b();
  Operand first = g.argMax(in, uint32_t(at), options);
  Operand y =
      g.cast(g.equal(first, iota(ctx, DataType::Int32, in.rank(), at, size),
                     ctx.options()),
             in.dataType(), ctx.options());
  ctx.set(0, flattened ? ctx.reshapeTo(y, *dims) : y);
}

// values[1] where the index (negative ones count from depth) equals the
// position along the new axis, values[0] elsewhere.
void convertOneHot(NodeContext &ctx) {
  int64_t axisValue = ctx.attrInt("axis", -1);
  Operand indices = ctx.input(0);
  auto depthValue = ctx.constantScalar(1, "depth");
  Operand values = ctx.input(2);
  if (ctx.failed() || !depthValue)
    return;
  int64_t depth = int64_t(*depthValue);
  if (depth < 1 || depth > int64_t(spec::kMaxUnsignedLong))
    return ctx.invalid("depth " + std::to_string(depth) +
                       " is not a positive size");
  if (values.rank() != 1 || values.shape()[0] != 2)
    return ctx.invalid("values must be [off, on]");
  auto axis = checkedAxis(ctx, axisValue, int64_t(indices.rank()) + 1);
  if (!axis)
    return;
  auto dims = ctx.dims(indices);
  if (!dims)
    return;
  auto &g = ctx.b();
  auto options = ctx.options();
  Operand index = indices.dataType() == DataType::Int32
                      ? indices
                      : g.cast(indices, DataType::Int32, options);
  Operand negative = g.lesser(index, scalar(ctx, DataType::Int32, 0), options);
  index = g.where(
      negative,
      g.add(index, scalar(ctx, DataType::Int32, double(depth)), options), index,
      options);
  dims->insert(dims->begin() + *axis, DimExpr(1));
  index = ctx.reshapeTo(index, *dims);
  Operand hot = g.equal(
      index, iota(ctx, DataType::Int32, dims->size(), size_t(*axis), depth),
      options);
  auto pick = [&](int32_t i) {
    return g.gather(values, g.constant({DataType::Int32, {}}, double(i)),
                    ctx.labelled(spec::GatherOptions{}));
  };
  ctx.set(0, g.where(hot, pick(1), pick(0), options));
}

// (x - mean) / (sqrt(variance) + 1e-9) over the axes (default N, H, W),
// as ONNX's function body defines it.
void convertMeanVarianceNormalization(NodeContext &ctx) {
  std::vector<int64_t> axesValue = ctx.attrInts("axes", {0, 2, 3});
  auto x = floatInput(ctx);
  if (!x)
    return;
  auto axes = normalizeAxes(ctx, axesValue, int64_t(x->rank()), "axes");
  if (!axes)
    return;
  auto &g = ctx.b();
  auto options = ctx.options();
  spec::ReduceOptions reduce = ctx.labelled(spec::ReduceOptions{});
  reduce.axes = *axes;
  reduce.keepDimensions = true;
  Operand centered = g.sub(*x, g.reduceMean(*x, reduce), options);
  Operand deviation =
      g.sqrt(g.reduceMean(g.mul(centered, centered, options), reduce), options);
  ctx.set(0, g.div(centered,
                   g.add(deviation, scalar(ctx, x->dataType(), 1e-9), options),
                   options));
}

// A 2-D constant of the input's shape, ones on diagonal k (known at
// compile time: folded into what reads it).
void convertEyeLike(NodeContext &ctx) {
  int64_t k = ctx.attrInt("k", 0);
  std::optional<DataType> type;
  if (ctx.has("dtype")) {
    int32_t onnxType = int32_t(ctx.attrInt("dtype", 0));
    type = webnnType(onnxType);
    if (!type)
      return ctx.notInWebNN("dtype " + onnxTypeName(onnxType));
  }
  const spec::Shape &shape = ctx.inputShape(0);
  DataType inputType = ctx.inputType(0);
  if (ctx.failed())
    return;
  ctx.input(0); // only its shape and type are read
  if (ctx.failed())
    return;
  if (shape.size() != 2)
    return ctx.invalid("the input must be 2-D");
  if (spec::hasOpenDims(shape))
    return ctx.unsupported("an input with open dimensions (the result is "
                           "a constant of its shape)");
  HostTensor eye({type.value_or(inputType), shape});
  for (int64_t i = 0; i < shape[0]; ++i)
    if (int64_t j = i + k; j >= 0 && j < shape[1])
      eye.set(size_t(i * shape[1] + j), 1.0);
  ctx.setKnown(0, std::move(eye));
}

// Hann, Hamming and Blackman windows: sum_k a_k cos(2 pi k n / N') with
// N' = size (periodic) or size - 1, a constant of the given size.
void window(NodeContext &ctx, std::vector<double> a) {
  bool periodic = ctx.attrInt("periodic", 1) != 0;
  int32_t onnxType = int32_t(ctx.attrInt("output_datatype", 1));
  auto size = ctx.constantScalar(0, "size");
  if (!size)
    return;
  auto type = webnnType(onnxType);
  if (!type)
    return ctx.notInWebNN("output_datatype " + onnxTypeName(onnxType));
  if (*size < 1 || *size > double(kMaxKnownElements))
    return ctx.unsupported("size " + std::to_string(int64_t(*size)) +
                           " outside [1, " + std::to_string(kMaxKnownElements) +
                           "]");
  int64_t n = int64_t(*size);
  double period = double(std::max<int64_t>(periodic ? n : n - 1, 1));
  HostTensor w({*type, {n}});
  for (int64_t i = 0; i < n; ++i) {
    double v = 0;
    for (size_t k = 0; k < a.size(); ++k)
      v += a[k] * std::cos(2 * M_PI * double(k) * double(i) / period);
    w.set(size_t(i), v);
  }
  ctx.setKnown(0, std::move(w));
}

void convertHannWindow(NodeContext &ctx) { window(ctx, {0.5, -0.5}); }
void convertHammingWindow(NodeContext &ctx) {
  window(ctx, {25.0 / 46, -21.0 / 46});
}
void convertBlackmanWindow(NodeContext &ctx) {
  window(ctx, {0.42, -0.5, 0.08});
}

} // namespace

void registerComposedOps(ConverterTable &t) {
  t["HannWindow"] = convertHannWindow;
  t["HammingWindow"] = convertHammingWindow;
  t["BlackmanWindow"] = convertBlackmanWindow;
  t["Sinh"] = convertMath<sinh>;
  t["Cosh"] = convertMath<cosh>;
  t["Asinh"] = convertMath<asinh>;
  t["Acosh"] = convertMath<acosh>;
  t["Atanh"] = convertMath<atanh>;
  t["Atan"] = convertMath<atan>;
  t["Asin"] = convertMath<asin>;
  t["Acos"] = convertMath<acos>;
  t["Shrink"] = convertShrink;
  t["Hardmax"] = convertHardmax;
  t["OneHot"] = convertOneHot;
  t["MeanVarianceNormalization"] = convertMeanVarianceNormalization;
  t["EyeLike"] = convertEyeLike;
}

} // namespace webnnc::importer
