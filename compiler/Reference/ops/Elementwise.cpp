// SPDX-License-Identifier: Apache-2.0
// Reference semantics of the element-wise operations, in float64 for
// floating-point types (each result rounded to the data type) and exact,
// wrapping integer arithmetic for integer types.
#include <cmath>
#include <limits>

#include "../RefTensor.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"
#include "llvm/ADT/TypeSwitch.h"

namespace webnnc::reference {
using namespace mlir;
using spec::DataType;

namespace {

double nanOr(double a, double b, double value) {
  return std::isnan(a) || std::isnan(b) ? std::nan("") : value;
}

// Integer arithmetic in the operands' type: unsigned types compare and
// divide as unsigned; every result wraps to the type's width.
struct IntegerMath {
  DataType type;
  bool isUnsigned() const { return !spec::isSigned(type); }
  uint64_t u(int64_t v) const { return static_cast<uint64_t>(v); }
  int64_t wrap(uint64_t v) const {
    return wrapTo(type, static_cast<int64_t>(v));
  }

  int64_t add(int64_t a, int64_t b) const { return wrap(u(a) + u(b)); }
  int64_t sub(int64_t a, int64_t b) const { return wrap(u(a) - u(b)); }
  int64_t mul(int64_t a, int64_t b) const { return wrap(u(a) * u(b)); }
  bool less(int64_t a, int64_t b) const {
    return isUnsigned() ? u(a) < u(b) : a < b;
  }
  int64_t max(int64_t a, int64_t b) const { return less(a, b) ? b : a; }
  int64_t min(int64_t a, int64_t b) const { return less(a, b) ? a : b; }
  // Truncating division; division by zero yields 0 (the spec leaves it
  // implementation-defined).
  int64_t div(int64_t a, int64_t b) const {
    if (b == 0)
      return 0;
    if (isUnsigned())
      return wrap(u(a) / u(b));
    if (a == std::numeric_limits<int64_t>::min() && b == -1)
      return wrap(u(a));
    return wrap(static_cast<uint64_t>(a / b));
  }
  int64_t pow(int64_t base, int64_t exponent) const {
    if (!isUnsigned() && exponent < 0) // 1 / base^|e|, truncated
      return base == 1 ? 1 : base == -1 ? (exponent % 2 ? -1 : 1) : 0;
    uint64_t result = 1, b = u(base), e = u(exponent);
    while (e) {
      if (e & 1)
        result *= b;
      b *= b;
      e >>= 1;
    }
    return wrap(result);
  }
};

// Applies |fn|(a, ia, b, ib) -> value for every element of the broadcast
// result; |fn| writes element k of |out|.
template <typename Fn>
OpResult binary(Operation *op, const Operands &operands, Fn fn) {
  const RefTensor &a = *operands[0], &b = *operands[1];
  spec::OperandDescriptor desc = descriptorOf(op->getResult(0));
  RefTensor out(desc.dataType, desc.shape);
  forEachBroadcast(out.shape, a.shape, b.shape,
                   [&](size_t k, size_t ia, size_t ib) { fn(out, k, ia, ib); });
  out.roundToType();
  return out;
}

OpResult arithmetic(Operation *op, const Operands &operands,
                    double (*floatFn)(double, double),
                    int64_t (IntegerMath::*intFn)(int64_t, int64_t) const) {
  const RefTensor &a = *operands[0], &b = *operands[1];
  IntegerMath math{a.type};
  return binary(op, operands,
                [&](RefTensor &out, size_t k, size_t ia, size_t ib) {
                  if (out.isFloat())
                    out.f[k] = floatFn(a.f[ia], b.f[ib]);
                  else
                    out.i[k] = (math.*intFn)(a.i[ia], b.i[ib]);
                });
}

// Comparisons: |test| gets -1, 0 or 1 (a < b, a == b, a > b), or nullopt
// if a float operand is NaN (every comparison but notEqual is then false).
OpResult compare(Operation *op, const Operands &operands,
                 bool (*test)(std::optional<int>)) {
  const RefTensor &a = *operands[0], &b = *operands[1];
  IntegerMath math{a.type};
  return binary(op, operands,
                [&](RefTensor &out, size_t k, size_t ia, size_t ib) {
                  std::optional<int> order;
                  if (a.isFloat()) {
                    double x = a.f[ia], y = b.f[ib];
                    if (!std::isnan(x) && !std::isnan(y))
                      order = x < y ? -1 : (x > y ? 1 : 0);
                  } else {
                    int64_t x = a.i[ia], y = b.i[ib];
                    order = math.less(x, y) ? -1 : (math.less(y, x) ? 1 : 0);
                  }
                  out.i[k] = test(order) ? 1 : 0;
                });
}

OpResult logical(Operation *op, const Operands &operands,
                 bool (*fn)(bool, bool)) {
  const RefTensor &a = *operands[0], &b = *operands[1];
  return binary(op, operands,
                [&](RefTensor &out, size_t k, size_t ia, size_t ib) {
                  out.i[k] = fn(a.i[ia] != 0, b.i[ib] != 0) ? 1 : 0;
                });
}

// Applies |floatFn| or |intFn| to every element (same type in and out).
template <typename FloatFn, typename IntFn>
RefTensor map(const RefTensor &in, FloatFn floatFn, IntFn intFn) {
  RefTensor out(in.type, in.shape);
  for (size_t k = 0; k < in.size(); ++k) {
    if (in.isFloat())
      out.f[k] = floatFn(in.f[k]);
    else
      out.i[k] = wrapTo(in.type, intFn(in.i[k]));
  }
  out.roundToType();
  return out;
}

template <typename FloatFn>
RefTensor mapFloat(const RefTensor &in, FloatFn floatFn) {
  return map(in, floatFn, [](int64_t x) { return x; });
}

// float -> uint8 predicate.
template <typename Predicate>
RefTensor test(const RefTensor &in, Predicate predicate) {
  RefTensor out(DataType::Uint8, in.shape);
  for (size_t k = 0; k < in.size(); ++k)
    out.i[k] = predicate(in.f[k]) ? 1 : 0;
  return out;
}

// A coefficient option cast to the input's type, as the spec's steps do.
double coefficient(DataType type, double value) {
  return std::isfinite(value) ? roundTo(type, value) : value;
}

OpResult clamp(webnn::ClampOp op, const RefTensor &in) {
  spec::ClampOptions options = webnn::optionsOf<spec::ClampOptions>(op);
  // An absent or NaN bound clamps nothing.
  double lo = options.minValue.value_or(-INFINITY);
  double hi = options.maxValue.value_or(INFINITY);
  if (std::isnan(lo))
    lo = -INFINITY;
  if (std::isnan(hi))
    hi = INFINITY;
  DataType type = in.type;
  IntegerMath math{type};
  double flo = coefficient(type, lo), fhi = coefficient(type, hi);
  int64_t ilo = castToInteger(type, lo), ihi = castToInteger(type, hi);
  return map(
      in, [&](double x) { return x < flo ? flo : (x > fhi ? fhi : x); },
      [&](int64_t x) {
        return math.less(x, ilo) ? ilo : (math.less(ihi, x) ? ihi : x);
      });
}

OpResult prelu(Operation *op, const Operands &operands) {
  const RefTensor &x = *operands[0], &slope = *operands[1];
  IntegerMath math{x.type};
  return binary(op, operands,
                [&](RefTensor &out, size_t k, size_t ix, size_t is) {
                  if (out.isFloat()) {
                    double v = x.f[ix];
                    out.f[k] = v < 0 ? slope.f[is] * v : v;
                  } else {
                    int64_t v = x.i[ix];
                    out.i[k] = v < 0 ? math.mul(slope.i[is], v) : v;
                  }
                });
}

OpResult where(webnn::WhereOp op, const Operands &operands) {
  const RefTensor &condition = *operands[0], &t = *operands[1],
                  &f = *operands[2];
  spec::OperandDescriptor desc = descriptorOf(op.getResult());
  RefTensor out(desc.dataType, desc.shape);
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    bool pick = condition.i[broadcastOffset(index, condition.shape)] != 0;
    const RefTensor &from = pick ? t : f;
    out.copyFrom(k, from, broadcastOffset(index, from.shape));
  });
  return out;
}

// cast: float -> integer truncates and saturates (NaN -> 0); integer ->
// integer wraps; anything -> float rounds to nearest.
OpResult castTo(DataType type, const RefTensor &in) {
  RefTensor out(type, in.shape);
  bool fromUnsigned64 = in.type == DataType::Uint64;
  for (size_t k = 0; k < in.size(); ++k) {
    if (out.isFloat()) {
      out.f[k] = in.isFloat()     ? in.f[k]
                 : fromUnsigned64 ? double(static_cast<uint64_t>(in.i[k]))
                                  : double(in.i[k]);
    } else if (in.isFloat()) {
      double v = in.f[k];
      out.i[k] = std::isnan(v) ? 0 : castToInteger(type, v);
    } else {
      out.i[k] = wrapTo(type, in.i[k]);
    }
  }
  out.roundToType();
  return out;
}

double softplus(double x) {
  // ln(1 + e^x) without overflow for large x.
  return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

} // namespace

namespace {

// Arithmetic, comparisons and logic.
std::optional<OpResult> evaluateBinaryOrLogical(Operation *op,
                                                const Operands &operands) {
  using IM = IntegerMath;
  auto in = [&]() -> const RefTensor & { return *operands[0]; };
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      // Arithmetic.
      .Case([&](webnn::AddOp) {
        return arithmetic(
            op, operands, [](double a, double b) { return a + b; }, &IM::add);
      })
      .Case([&](webnn::SubOp) {
        return arithmetic(
            op, operands, [](double a, double b) { return a - b; }, &IM::sub);
      })
      .Case([&](webnn::MulOp) {
        return arithmetic(
            op, operands, [](double a, double b) { return a * b; }, &IM::mul);
      })
      .Case([&](webnn::DivOp) {
        return arithmetic(
            op, operands, [](double a, double b) { return a / b; }, &IM::div);
      })
      .Case([&](webnn::MaxOp) {
        // NaN-propagating, like JavaScript's Math.max.
        return arithmetic(
            op, operands,
            [](double a, double b) { return nanOr(a, b, a > b ? a : b); },
            &IM::max);
      })
      .Case([&](webnn::MinOp) {
        return arithmetic(
            op, operands,
            [](double a, double b) { return nanOr(a, b, a < b ? a : b); },
            &IM::min);
      })
      .Case([&](webnn::PowOp) {
        return arithmetic(
            op, operands, [](double a, double b) { return std::pow(a, b); },
            &IM::pow);
      })
      // Comparison and logical.
      .Case([&](webnn::EqualOp) {
        return compare(op, operands,
                       [](std::optional<int> o) { return o && *o == 0; });
      })
      .Case([&](webnn::NotEqualOp) {
        return compare(op, operands,
                       [](std::optional<int> o) { return !o || *o != 0; });
      })
      .Case([&](webnn::GreaterOp) {
        return compare(op, operands,
                       [](std::optional<int> o) { return o && *o > 0; });
      })
      .Case([&](webnn::GreaterOrEqualOp) {
        return compare(op, operands,
                       [](std::optional<int> o) { return o && *o >= 0; });
      })
      .Case([&](webnn::LesserOp) {
        return compare(op, operands,
                       [](std::optional<int> o) { return o && *o < 0; });
      })
      .Case([&](webnn::LesserOrEqualOp) {
        return compare(op, operands,
                       [](std::optional<int> o) { return o && *o <= 0; });
      })
      .Case([&](webnn::LogicalAndOp) {
        return logical(op, operands, [](bool a, bool b) { return a && b; });
      })
      .Case([&](webnn::LogicalOrOp) {
        return logical(op, operands, [](bool a, bool b) { return a || b; });
      })
      .Case([&](webnn::LogicalXorOp) {
        return logical(op, operands, [](bool a, bool b) { return a != b; });
      })
      .Case([&](webnn::LogicalNotOp) -> std::optional<OpResult> {
        RefTensor out(DataType::Uint8, in().shape);
        for (size_t k = 0; k < out.size(); ++k)
          out.i[k] = in().i[k] == 0 ? 1 : 0;
        return out;
      })
      .Case([&](webnn::IsNaNOp) -> std::optional<OpResult> {
        return test(in(), [](double x) { return std::isnan(x); });
      })
      .Case([&](webnn::IsInfiniteOp) -> std::optional<OpResult> {
        return test(in(), [](double x) { return std::isinf(x); });
      })
      .Default([](Operation *) { return std::nullopt; });
}

// Unary math.
std::optional<OpResult> evaluateUnaryMath(Operation *op,
                                          const Operands &operands) {
  auto in = [&]() -> const RefTensor & { return *operands[0]; };
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      // Unary math.
      .Case([&](webnn::AbsOp) -> std::optional<OpResult> {
        return map(
            in(), [](double x) { return std::fabs(x); },
            [](int64_t x) { return int64_t(x < 0 ? 0 - uint64_t(x) : x); });
      })
      .Case([&](webnn::NegOp) -> std::optional<OpResult> {
        return map(
            in(), [](double x) { return -x; },
            [](int64_t x) { return int64_t(0 - uint64_t(x)); });
      })
      .Case([&](webnn::SignOp) -> std::optional<OpResult> {
        return map(
            in(),
            [](double x) {
              return std::isnan(x) ? x : (x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0));
            },
            [](int64_t x) { return int64_t(x > 0 ? 1 : (x < 0 ? -1 : 0)); });
      })
      .Case([&](webnn::IdentityOp) -> std::optional<OpResult> { return in(); })
      .Case([&](webnn::CeilOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::ceil(x); });
      })
      .Case([&](webnn::FloorOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::floor(x); });
      })
      .Case([&](webnn::RoundEvenOp) -> std::optional<OpResult> {
        // The default rounding mode rounds half to even.
        return mapFloat(in(), [](double x) { return std::nearbyint(x); });
      })
      .Case([&](webnn::CosOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::cos(x); });
      })
      .Case([&](webnn::SinOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::sin(x); });
      })
      .Case([&](webnn::TanOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::tan(x); });
      })
      .Case([&](webnn::ErfOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::erf(x); });
      })
      .Case([&](webnn::ExpOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::exp(x); });
      })
      .Case([&](webnn::LogOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::log(x); });
      })
      .Case([&](webnn::ReciprocalOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return 1.0 / x; });
      })
      .Case([&](webnn::SqrtOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::sqrt(x); });
      })
      .Default([](Operation *) { return std::nullopt; });
}

// Activations, clamp, prelu, where and cast.
std::optional<OpResult> evaluateActivation(Operation *op,
                                           const Operands &operands) {
  auto in = [&]() -> const RefTensor & { return *operands[0]; };
  DataType type = operands.empty() ? DataType::Float32 : operands[0]->type;
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      // Activations.
      .Case([&](webnn::ReluOp) -> std::optional<OpResult> {
        return map(
            in(),
            [](double x) { return std::isnan(x) ? x : (x > 0 ? x : 0.0); },
            [](int64_t x) { return x > 0 ? x : 0; });
      })
      .Case([&](webnn::SigmoidOp) -> std::optional<OpResult> {
        return mapFloat(in(),
                        [](double x) { return 1.0 / (1.0 + std::exp(-x)); });
      })
      .Case([&](webnn::TanhOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) { return std::tanh(x); });
      })
      .Case([&](webnn::GeluOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) {
          return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0)));
        });
      })
      .Case([&](webnn::HardSwishOp) -> std::optional<OpResult> {
        return mapFloat(in(), [](double x) {
          return x * std::max(0.0, std::min(6.0, x + 3.0)) / 6.0;
        });
      })
      .Case([&](webnn::SoftplusOp) -> std::optional<OpResult> {
        return mapFloat(in(), softplus);
      })
      .Case([&](webnn::SoftsignOp) -> std::optional<OpResult> {
        return mapFloat(in(),
                        [](double x) { return x / (1.0 + std::fabs(x)); });
      })
      .Case([&](webnn::EluOp elu) -> std::optional<OpResult> {
        double alpha = coefficient(
            type, webnn::optionsOf<spec::EluOptions>(elu).alpha);
        return mapFloat(in(), [&](double x) {
          return x >= 0 ? x : alpha * (std::exp(x) - 1.0);
        });
      })
      .Case([&](webnn::HardSigmoidOp hs) -> std::optional<OpResult> {
        auto options = webnn::optionsOf<spec::HardSigmoidOptions>(hs);
        double alpha = coefficient(type, options.alpha);
        double beta = coefficient(type, options.beta);
        return mapFloat(in(), [&](double x) {
          return std::max(0.0, std::min(1.0, alpha * x + beta));
        });
      })
      .Case([&](webnn::LeakyReluOp lr) -> std::optional<OpResult> {
        double alpha = coefficient(
            type, webnn::optionsOf<spec::LeakyReluOptions>(lr).alpha);
        return mapFloat(in(), [&](double x) { return x >= 0 ? x : alpha * x; });
      })
      .Case([&](webnn::LinearOp linear) -> std::optional<OpResult> {
        auto options = webnn::optionsOf<spec::LinearOptions>(linear);
        double alpha = coefficient(type, options.alpha);
        double beta = coefficient(type, options.beta);
        return mapFloat(in(), [&](double x) { return alpha * x + beta; });
      })
      .Case([&](webnn::ClampOp c) -> std::optional<OpResult> {
        return clamp(c, in());
      })
      .Case([&](webnn::PreluOp) -> std::optional<OpResult> {
        return prelu(op, operands);
      })
      .Case([&](webnn::WhereOp w) -> std::optional<OpResult> {
        return where(w, operands);
      })
      .Case([&](webnn::CastOp c) -> std::optional<OpResult> {
        return castTo(descriptorOf(c.getResult()).dataType, in());
      })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace

std::optional<OpResult> evaluateElementwise(Operation *op,
                                            const Operands &operands) {
  if (auto result = evaluateBinaryOrLogical(op, operands))
    return result;
  if (auto result = evaluateUnaryMath(op, operands))
    return result;
  return evaluateActivation(op, operands);
}

} // namespace webnnc::reference
