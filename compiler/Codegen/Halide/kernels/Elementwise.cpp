// SPDX-License-Identifier: Apache-2.0
// Element-wise kernels: arithmetic, comparison and logical ops with
// broadcasting, unary math, activations, clamp, prelu, where, cast and
// splat constants.
#include <cmath>
#include <stdexcept>

#include "../Math.h"
#include "Families.h"
#include "webnnc/Spec/Options.h"
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

// -x with two's complement wrapping.
Expr wrappingNeg(Type t, Expr x) {
  return wrapping(t, make_const(t, 0), x, [](Expr a, Expr b) { return a - b; });
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
    Expr negative =
        select(a == one, one,
               select(a == make_const(t, -1), select((b % 2) != 0, a, one),
                      make_const(t, 0)));
    out = select(b < make_const(t, 0), negative, out);
  }
  return out;
}

// A clamp bound cast to the data type, as the spec's clamp steps do.
Expr clampBound(const std::vector<double> *values, DataType type,
                double fallback) {
  double v = values && !values->empty() ? values->front() : fallback;
  if (std::isnan(v)) // a NaN bound clamps nothing
    v = fallback;
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

// A coefficient option (alpha, beta) cast to the data type, as the spec's
// steps do, in the compute type; absent, the options struct's default
// (|fallback|, as spec::EluOptions{}.alpha).
Expr coefficient(const kernels::OpSpec &op, const std::string &key,
                 double fallback) {
  const std::vector<double> *values = op.floatAttr(key);
  double v = values && !values->empty() ? values->front() : fallback;
  if (op.result.dataType == DataType::Float16 && std::isfinite(v))
    v = halfToDouble(doubleToHalf(v));
  return make_const(Float(32), v);
}

// |x| (float32) cast to integer type |to| as the spec's cast does:
// truncated toward zero and saturated, NaN -> 0. Saturated in float32 for
// types of 16 bits and fewer, whose bounds float32 holds exactly (a
// quantized value's way out: float64 took three times the instructions),
// else in float64, where every bound is exact.
Expr floatToInteger(Expr x, Type to) {
  if (to.bits() <= 16) {
    float lo = to.is_int() ? -std::ldexp(1.0f, to.bits() - 1) : 0.0f;
    float hi = std::ldexp(1.0f, to.is_int() ? to.bits() - 1 : to.bits()) - 1;
    return select(is_nan(x), make_const(to, 0), cast(to, clamp(x, lo, hi)));
  }
  Expr d = cast<double>(x);
  double lo = to.is_int() ? -std::ldexp(1.0, to.bits() - 1) : 0.0;
  double hi = std::nextafter(
      std::ldexp(1.0, to.is_int() ? to.bits() - 1 : to.bits()), 0.0);
  if (to.bits() < 64) // the exact maximum, as for 32 bits and below
    hi = std::ldexp(1.0, to.is_int() ? to.bits() - 1 : to.bits()) - 1;
  Expr t =
      trunc(clamp(d, make_const(Float(64), lo), make_const(Float(64), hi)));
  return select(is_nan(d), make_const(to, 0), cast(to, t));
}

// cast: integer -> integer wraps (Halide narrows by truncation), integer
// -> float goes through float64 like the reference, float -> float rounds.
Expr castValue(const Value &input, DataType to) {
  Type from = storageType(input.type.dataType);
  Type target = storageType(to);
  std::vector<Var> vars = makeVars(input.type.shape.size());
  Expr x = input.func(toExprs(vars));
  if (from.is_float() && !target.is_float())
    return floatToInteger(cast<float>(x), target);
  if (!from.is_float() && target.is_float())
    return cast(target, from.bits() == 64 ? cast<double>(x) : x);
  return cast(target, x);
}

Expr boolean(Expr condition) {
  return select(condition, make_const(UInt(8), 1), make_const(UInt(8), 0));
}

// An element-wise op's operands, read broadcast to its result's shape,
// and the type they compute in.
struct ElementwiseArgs {
  const kernels::OpSpec &op;
  const std::vector<Value> &operands;
  const std::vector<Var> &vars;
  Type t;
  Expr operand(size_t i) const {
    if (i >= operands.size())
      throw std::runtime_error(op.kind + " needs " + std::to_string(i + 1) +
                               " operands");
    return broadcastRead(operands[i], op.result.shape, vars);
  }
  // fn over operands 0 and 1, integers wrapping.
  Expr binary(Expr (*fn)(Expr, Expr)) const {
    return wrapping(t, operand(0), operand(1), fn);
  }
};

// Constants, arithmetic, comparisons and logic.
std::optional<Expr> arithmeticOrLogicExpr(const ElementwiseArgs &args) {
  const kernels::OpSpec &op = args.op;
  const std::string &k = op.kind;
  Type t = args.t;
  Expr e;
  if (k == "constant") {
    e = constantExpr(op);
  } else if (k == "add") {
    e = args.binary([](Expr a, Expr b) { return a + b; });
  } else if (k == "sub") {
    e = args.binary([](Expr a, Expr b) { return a - b; });
  } else if (k == "mul") {
    e = args.binary([](Expr a, Expr b) { return a * b; });
  } else if (k == "div") {
    Expr a = args.operand(0), b = args.operand(1);
    e = t.is_float() ? a / b : div_round_to_zero(a, b);
    if (!t.is_float()) // x / 0 is 0 (the spec leaves it open)
      e = select(b == make_const(t, 0), make_const(t, 0), e);
  } else if (k == "max") {
    Expr a = args.operand(0), b = args.operand(1);
    e = nanPropagating(a, b, max(a, b));
  } else if (k == "min") {
    Expr a = args.operand(0), b = args.operand(1);
    e = nanPropagating(a, b, min(a, b));
  } else if (k == "pow") {
    Expr a = args.operand(0), b = args.operand(1);
    e = t.is_float() ? pow(a, b) : integerPow(a, b);
  } else if (k == "equal") {
    e = boolean(args.operand(0) == args.operand(1));
  } else if (k == "not_equal") {
    e = boolean(!(args.operand(0) == args.operand(1))); // true for NaN
  } else if (k == "greater") {
    e = boolean(args.operand(0) > args.operand(1));
  } else if (k == "greater_or_equal") {
    e = boolean(args.operand(0) >= args.operand(1));
  } else if (k == "lesser") {
    e = boolean(args.operand(0) < args.operand(1));
  } else if (k == "lesser_or_equal") {
    e = boolean(args.operand(0) <= args.operand(1));
  } else if (k == "logical_and") {
    e = boolean(args.operand(0) != 0 && args.operand(1) != 0);
  } else if (k == "logical_or") {
    e = boolean(args.operand(0) != 0 || args.operand(1) != 0);
  } else if (k == "logical_xor") {
    e = boolean((args.operand(0) != 0) != (args.operand(1) != 0));
  } else if (k == "logical_not") {
    e = boolean(args.operand(0) == 0);
  } else if (k == "is_nan") {
    e = boolean(is_nan(args.operand(0)));
  } else if (k == "is_infinite") {
    e = boolean(is_inf(args.operand(0)));
  } else {
    return std::nullopt;
  }
  return e;
}

// Unary math.
std::optional<Expr> mathExpr(const ElementwiseArgs &args) {
  const std::string &k = args.op.kind;
  Type t = args.t;
  Expr e;
  if (k == "abs") {
    Expr x = args.operand(0);
    // Integers wrap: |INT_MIN| stays INT_MIN.
    e = t.is_float() ? abs(x) : select(x < 0, wrappingNeg(t, x), x);
  } else if (k == "neg") {
    e = t.is_float() ? -args.operand(0) : wrappingNeg(t, args.operand(0));
  } else if (k == "sign") {
    Expr x = args.operand(0);
    Expr one = make_const(t, 1), zero = make_const(t, 0);
    e = select(x > zero, one, select(x < zero, make_const(t, -1), x * zero));
    if (t.is_float()) // NaN stays NaN
      e = select(is_nan(x), x, e);
  } else if (k == "identity") {
    e = args.operand(0);
  } else if (k == "ceil") {
    e = ceil(args.operand(0));
  } else if (k == "floor") {
    e = floor(args.operand(0));
  } else if (k == "round_even") {
    e = round(args.operand(0)); // Halide rounds half to even
  } else if (k == "cos") {
    e = cos(args.operand(0));
  } else if (k == "sin") {
    e = sin(args.operand(0));
  } else if (k == "tan") {
    e = tan(args.operand(0));
  } else if (k == "exp") {
    e = vexp(args.operand(0));
  } else if (k == "log") {
    e = log(args.operand(0));
  } else if (k == "sqrt") {
    e = sqrt(args.operand(0));
  } else if (k == "reciprocal") {
    e = 1.0f / args.operand(0);
  } else if (k == "erf") {
    e = verf(args.operand(0));
  } else {
    return std::nullopt;
  }
  return e;
}

// Activations, clamp, prelu and where.
std::optional<Expr> activationExpr(const ElementwiseArgs &args) {
  const kernels::OpSpec &op = args.op;
  const std::string &k = op.kind;
  Type t = args.t;
  Expr e;
  if (k == "relu") {
    Expr x = args.operand(0);
    // Keeps NaN, like max(0, x) in the spec's reference. (Halide turns
    // the select into a max instruction, which drops NaN: say it.)
    e = t.is_float() ? select(is_nan(x), x, select(x < 0.0f, 0.0f, x))
                     : max(x, make_const(t, 0));
  } else if (k == "sigmoid") {
    e = vsigmoid(args.operand(0));
  } else if (k == "tanh") {
    e = vtanh(args.operand(0));
  } else if (k == "gelu") {
    // 0.5 x (1 + erf(x / sqrt 2)) = 0.5 x erfc(-x / sqrt 2), which keeps
    // its precision where erf is close to -1.
    Expr x = args.operand(0);
    e = 0.5f * x * verfc(-x * float(M_SQRT1_2));
  } else if (k == "hard_swish") {
    Expr x = args.operand(0);
    e = x * clamp(x + 3.0f, 0.0f, 6.0f) / 6.0f;
  } else if (k == "softplus") {
    // ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|), without overflow.
    Expr x = args.operand(0);
    e = max(x, 0.0f) + libm("log1pf", vexp(-abs(x)));
  } else if (k == "softsign") {
    Expr x = args.operand(0);
    e = x / (1.0f + abs(x));
  } else if (k == "elu") {
    Expr x = args.operand(0);
    Expr alpha = coefficient(op, "alpha", spec::EluOptions{}.alpha);
    e = select(x >= 0.0f, x, alpha * libm("expm1f", x));
  } else if (k == "hard_sigmoid") {
    Expr x = args.operand(0);
    spec::HardSigmoidOptions defaults;
    Expr alpha = coefficient(op, "alpha", defaults.alpha),
         beta = coefficient(op, "beta", defaults.beta);
    e = clamp(alpha * x + beta, 0.0f, 1.0f);
  } else if (k == "leaky_relu") {
    Expr x = args.operand(0);
    Expr alpha = coefficient(op, "alpha", spec::LeakyReluOptions{}.alpha);
    e = select(x >= 0.0f, x, alpha * x);
  } else if (k == "linear") {
    spec::LinearOptions defaults;
    e = coefficient(op, "alpha", defaults.alpha) * args.operand(0) +
        coefficient(op, "beta", defaults.beta);
  } else if (k == "clamp") {
    Expr x = args.operand(0);
    Expr lo =
        clampBound(op.floatAttr("min_value"), op.result.dataType, -INFINITY);
    Expr hi =
        clampBound(op.floatAttr("max_value"), op.result.dataType, INFINITY);
    e = select(x < lo, lo, select(x > hi, hi, x));
    if (t.is_float()) // keeps NaN (see relu)
      e = select(is_nan(x), x, e);
  } else if (k == "prelu") {
    Expr x = args.operand(0), slope = args.operand(1);
    Expr scaled = t.is_float() ? slope * x
                               : wrapping(t, slope, x,
                                          [](Expr a, Expr b) { return a * b; });
    e = select(x < make_const(t, 0), scaled, x);
  } else if (k == "where") {
    Expr condition = args.operand(0);
    e = select(condition != 0, args.operand(1), args.operand(2));
  } else {
    return std::nullopt;
  }
  return e;
}

} // namespace

std::optional<Defined> defineElementwise(const kernels::OpSpec &op,
                                         const std::vector<Value> &operands) {
  if (!op.elementwise)
    return std::nullopt;
  const spec::Shape &shape = op.result.shape;
  std::vector<Var> vars = makeVars(shape.size());
  Schedule schedule = [shape](Func output, const Target &target,
                              const Placement &placement) {
    scheduleElementwise(output, shape, target, placement);
  };
  if (op.kind == "cast") {
    // Converts storage to storage directly (not through the compute type).
    Func f("cast");
    f(vars) = castValue(operands.at(0), op.result.dataType);
    return Defined{Value{f, op.result}, schedule};
  }
  // The type operands compute in (the result's for most ops).
  Type t = operands.empty() ? computeType(op.result.dataType)
                            : computeType(operands[0].type.dataType);
  ElementwiseArgs args{op, operands, vars, t};
  std::optional<Expr> e = arithmeticOrLogicExpr(args);
  if (!e)
    e = mathExpr(args);
  if (!e)
    e = activationExpr(args);
  if (!e)
    return std::nullopt;
  Func f(op.kind);
  f(vars) = store(*e, op.result.dataType);
  return Defined{Value{f, op.result}, schedule};
}

} // namespace webnnc::halide
