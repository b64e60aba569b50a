// SPDX-License-Identifier: Apache-2.0
// Reference semantics of the element-wise operations.
#include <cmath>
#include <limits>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

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

OpResult binary(Operation *op, const Operands &operands,
                double (*floatFn)(double, double),
                int64_t (IntegerMath::*intFn)(int64_t, int64_t) const) {
  const RefTensor &a = *operands[0], &b = *operands[1];
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  RefTensor out(a.type, spec::Shape(resultType.getShape().begin(),
                                    resultType.getShape().end()));
  IntegerMath math{a.type};
  forEachBroadcast(out.shape, a.shape, b.shape,
                   [&](size_t k, size_t ia, size_t ib) {
                     if (out.isFloat())
                       out.f[k] = floatFn(a.f[ia], b.f[ib]);
                     else
                       out.i[k] = (math.*intFn)(a.i[ia], b.i[ib]);
                   });
  out.roundToType();
  return out;
}

// Applies |floatFn| or |intFn| to every element.
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

// A clamp bound cast to |type| (the spec casts minValue/maxValue first).
double castBoundFloat(DataType type, double bound) {
  return std::isinf(bound) ? bound : roundTo(type, bound);
}
int64_t castBoundInt(DataType type, double bound) {
  double lo, hi;
  switch (type) {
  case DataType::Int32: lo = INT32_MIN, hi = INT32_MAX; break;
  case DataType::Uint32: lo = 0, hi = UINT32_MAX; break;
  case DataType::Int8: lo = INT8_MIN, hi = INT8_MAX; break;
  case DataType::Uint8: lo = 0, hi = UINT8_MAX; break;
  case DataType::Uint64: lo = 0, hi = 18446744073709549568.0; break;
  default: lo = -9223372036854775808.0, hi = 9223372036854774784.0; break;
  }
  double t = std::min(std::max(std::trunc(bound), lo), hi);
  return type == DataType::Uint64
             ? static_cast<int64_t>(static_cast<uint64_t>(t))
             : static_cast<int64_t>(t);
}

} // namespace

std::optional<OpResult> evaluateElementwise(Operation *op,
                                            const Operands &operands) {
  using IM = IntegerMath;
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::AddOp) {
        return binary(op, operands, [](double a, double b) { return a + b; },
                      &IM::add);
      })
      .Case([&](webnn::SubOp) {
        return binary(op, operands, [](double a, double b) { return a - b; },
                      &IM::sub);
      })
      .Case([&](webnn::MulOp) {
        return binary(op, operands, [](double a, double b) { return a * b; },
                      &IM::mul);
      })
      .Case([&](webnn::DivOp) {
        return binary(op, operands, [](double a, double b) { return a / b; },
                      &IM::div);
      })
      .Case([&](webnn::MaxOp) {
        // NaN-propagating, like JavaScript's Math.max.
        return binary(
            op, operands,
            [](double a, double b) { return nanOr(a, b, a > b ? a : b); },
            &IM::max);
      })
      .Case([&](webnn::MinOp) {
        return binary(
            op, operands,
            [](double a, double b) { return nanOr(a, b, a < b ? a : b); },
            &IM::min);
      })
      .Case([&](webnn::PowOp) {
        return binary(op, operands,
                      [](double a, double b) { return std::pow(a, b); },
                      &IM::pow);
      })
      .Case([&](webnn::ReluOp) -> std::optional<OpResult> {
        return map(
            *operands[0],
            [](double x) { return std::isnan(x) ? x : (x > 0 ? x : 0.0); },
            [](int64_t x) { return x > 0 ? x : 0; });
      })
      .Case([&](webnn::SigmoidOp) -> std::optional<OpResult> {
        return map(
            *operands[0], [](double x) { return 1.0 / (1.0 + std::exp(-x)); },
            [](int64_t x) { return x; });
      })
      .Case([&](webnn::TanhOp) -> std::optional<OpResult> {
        return map(
            *operands[0], [](double x) { return std::tanh(x); },
            [](int64_t x) { return x; });
      })
      .Case([&](webnn::ClampOp clamp) -> std::optional<OpResult> {
        spec::ClampOptions options = webnn::clampOptions(clamp);
        double lo = options.minValue.value_or(-INFINITY);
        double hi = options.maxValue.value_or(INFINITY);
        const RefTensor &in = *operands[0];
        DataType type = in.type;
        IntegerMath math{type};
        double flo = castBoundFloat(type, lo), fhi = castBoundFloat(type, hi);
        int64_t ilo = castBoundInt(type, lo), ihi = castBoundInt(type, hi);
        return map(
            in,
            [&](double x) { return x < flo ? flo : (x > fhi ? fhi : x); },
            [&](int64_t x) {
              return math.less(x, ilo) ? ilo : (math.less(ihi, x) ? ihi : x);
            });
      })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
