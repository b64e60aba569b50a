// SPDX-License-Identifier: Apache-2.0
// Element-wise kernels: binary arithmetic with broadcasting, activations,
// clamp and splat constants.
#include <cmath>
#include <stdexcept>

#include "../Math.h"
#include "Families.h"
#include "webnnc/Support/Float16.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;
using spec::DataType;

namespace {

bool isWideSigned(Type t) { return t.is_int() && t.bits() >= 32; }

// Halide leaves signed 32/64-bit overflow undefined; WebNN integers wrap,
// so wide signed arithmetic happens on the unsigned bit patterns.
Expr wrapping(Type t, Expr a, Expr b, Expr (*fn)(Expr, Expr)) {
  if (!isWideSigned(t))
    return fn(a, b);
  Type u = t.with_code(Type::UInt);
  return reinterpret(t, fn(reinterpret(u, a), reinterpret(u, b)));
}

// NaN-propagating max/min, like the spec's reference (JavaScript Math.max).
Expr nanPropagating(Expr a, Expr b, Expr value) {
  if (!a.type().is_float())
    return value;
  return select(is_nan(a) || is_nan(b), a + b, value);
}

// Integer a^b by binary exponentiation, wrapping; a negative exponent gives
// the truncated 1 / a^|b|.
Expr integerPow(Expr a, Expr b) {
  Type t = a.type();
  Type u = t.with_code(Type::UInt);
  Expr result = make_const(u, 1);
  Expr base = reinterpret(u, a);
  Expr e = reinterpret(u, b);
  for (int bit = 0; bit < t.bits(); ++bit) {
    result = select(((e >> bit) & 1) != 0, result * base, result);
    base = base * base;
  }
  Expr out = reinterpret(t, result);
  if (t.is_int()) {
    Expr one = make_const(t, 1);
    Expr negative = select(a == one, one,
                           select(a == make_const(t, -1),
                                  select((b % 2) != 0, a, one),
                                  make_const(t, 0)));
    out = select(b < make_const(t, 0), negative, out);
  }
  return out;
}

// A clamp bound cast to the data type, as the spec's clamp steps do.
Expr clampBound(const std::vector<double> *values, DataType type,
                double fallback) {
  double v = values && !values->empty() ? values->front() : fallback;
  Type t = computeType(type);
  if (t.is_float()) {
    if (type == DataType::Float16 && std::isfinite(v))
      v = halfToDouble(doubleToHalf(v));
    return make_const(Float(32), std::isfinite(v) ? float(v) : v);
  }
  // Integers: truncate, saturating to the type's range.
  double lo = t.is_int() ? -std::ldexp(1.0, t.bits() - 1) : 0.0;
  double hi = std::ldexp(1.0, t.is_int() ? t.bits() - 1 : t.bits());
  double clamped = std::min(std::max(std::trunc(v), lo), std::nextafter(hi, 0));
  if (t.is_uint())
    return make_const(t, static_cast<uint64_t>(clamped));
  return make_const(t, static_cast<int64_t>(clamped));
}

Expr constantExpr(const kernels::OpSpec &op) {
  const std::vector<int64_t> *bits = op.intAttr("bits");
  if (!bits || bits->size() != 1)
    throw std::runtime_error("constant needs one 'bits' value");
  Type t = storageType(op.result.dataType);
  Expr raw = make_const(UInt(t.bits()), static_cast<uint64_t>(bits->front()));
  return cast(computeType(op.result.dataType), reinterpret(t, raw));
}

} // namespace

std::optional<Defined> defineElementwise(const kernels::OpSpec &op,
                                         const std::vector<Value> &operands) {
  if (!kernels::isElementwise(op.kind))
    return std::nullopt;
  const spec::Shape &shape = op.result.shape;
  std::vector<Var> vars = makeVars(shape.size());
  auto operand = [&](size_t i) {
    if (i >= operands.size())
      throw std::runtime_error(op.kind + " needs " + std::to_string(i + 1) +
                               " operands");
    return broadcastRead(operands[i], shape, vars);
  };
  Type t = computeType(op.result.dataType);
  Expr e;
  const std::string &k = op.kind;
  if (k == "constant") {
    e = constantExpr(op);
  } else if (k == "add") {
    e = wrapping(t, operand(0), operand(1), [](Expr a, Expr b) { return a + b; });
  } else if (k == "sub") {
    e = wrapping(t, operand(0), operand(1), [](Expr a, Expr b) { return a - b; });
  } else if (k == "mul") {
    e = wrapping(t, operand(0), operand(1), [](Expr a, Expr b) { return a * b; });
  } else if (k == "div") {
    Expr a = operand(0), b = operand(1);
    e = t.is_float() ? a / b : div_round_to_zero(a, b);
    if (!t.is_float()) // x / 0 is 0 (the spec leaves it open)
      e = select(b == make_const(t, 0), make_const(t, 0), e);
  } else if (k == "max") {
    Expr a = operand(0), b = operand(1);
    e = nanPropagating(a, b, max(a, b));
  } else if (k == "min") {
    Expr a = operand(0), b = operand(1);
    e = nanPropagating(a, b, min(a, b));
  } else if (k == "pow") {
    Expr a = operand(0), b = operand(1);
    e = t.is_float() ? pow(a, b) : integerPow(a, b);
  } else if (k == "relu") {
    Expr x = operand(0);
    // Keeps NaN, like max(0, x) in the spec's reference.
    e = t.is_float() ? select(x < 0.0f, 0.0f, x) : max(x, make_const(t, 0));
  } else if (k == "sigmoid") {
    e = vsigmoid(operand(0));
  } else if (k == "tanh") {
    e = vtanh(operand(0));
  } else if (k == "clamp") {
    Expr x = operand(0);
    Expr lo = clampBound(op.floatAttr("min_value"), op.result.dataType,
                         -INFINITY);
    Expr hi = clampBound(op.floatAttr("max_value"), op.result.dataType,
                         INFINITY);
    e = select(x < lo, lo, select(x > hi, hi, x));
  } else {
    return std::nullopt;
  }
  Func f(op.kind);
  f(vars) = store(e, op.result.dataType);
  Schedule schedule = [shape](Func output, const Target &target) {
    scheduleElementwise(output, shape, target);
  };
  return Defined{Value{f, op.result}, schedule};
}

} // namespace webnnc::halide
