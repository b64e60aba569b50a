// SPDX-License-Identifier: Apache-2.0
// Element-wise arithmetic, comparison, logic, math functions and Cast.
#include <cmath>

#include "../TensorProto.h"
#include "webnnc/Spec/Broadcast.h"
#include "Common.h"

namespace webnnc::importer {
namespace {

using spec::DataType;
using HostBinary = double (*)(double, double);

// A binary op with numpy broadcasting; folded on the host when both
// inputs are known and the result is small.
void binary(NodeContext &ctx, GraphBuilder::Binary method, HostBinary host,
            bool comparison) {
  DataType a = ctx.inputType(0), b = ctx.inputType(1);
  if (ctx.failed())
    return;
  if (a != b)
    return ctx.invalid("A and B must have the same type, got " +
                       std::string(spec::toString(a)) + " and " +
                       std::string(spec::toString(b)));
  // The spec's rule: it knows open dimensions (checked again at compute).
  auto shape = spec::broadcastShapes(ctx.inputShape(0), ctx.inputShape(1));
  if (!shape)
    return ctx.invalid("shapes " + spec::toString(ctx.inputShape(0)) +
                       " and " + spec::toString(ctx.inputShape(1)) +
                       " do not broadcast");
  if (host && foldable(ctx, spec::elementCount(*shape)))
    return ctx.setKnown(0, host::binary(*ctx.known(0), *ctx.known(1),
                                        comparison ? DataType::Uint8 : a,
                                        host));
  ctx.set(0, (ctx.b().*method)(ctx.input(0), ctx.input(1), ctx.options()));
}

template <auto Method, HostBinary Host = nullptr, bool Comparison = false>
void convertBinary(NodeContext &ctx) {
  binary(ctx, Method, Host, Comparison);
}

double hostAdd(double a, double b) { return a + b; }
double hostSub(double a, double b) { return a - b; }
double hostMul(double a, double b) { return a * b; }
double hostEqual(double a, double b) { return double(a == b); }
double hostGreater(double a, double b) { return double(a > b); }
double hostLess(double a, double b) { return double(a < b); }
double hostDiv(double a, double b) { return a / b; }
double hostIntDiv(double a, double b) { return b == 0 ? 0 : std::trunc(a / b); }

void convertDiv(NodeContext &ctx) {
  bool isFloat = spec::isFloatingPoint(ctx.inputType(0));
  binary(ctx, &GraphBuilder::div, isFloat ? hostDiv : hostIntDiv, false);
}

// Mod: fmod 0 (integers) takes the divisor's sign, like Python's %;
// fmod 1 the dividend's, like C's fmod. Folded on the host when known
// (shape arithmetic); tensors compute a - trunc(a / b) * b.
void convertMod(NodeContext &ctx) {
  bool cStyle = ctx.attrInt("fmod", 0) != 0;
  DataType type = ctx.inputType(0);
  if (ctx.failed())
    return;
  bool isFloat = spec::isFloatingPoint(type);
  if (isFloat && !cStyle)
    return ctx.invalid("fmod must be 1 for floating-point inputs");
  auto hostMod = cStyle ? HostBinary([](double a, double b) {
    return b == 0 ? 0 : std::fmod(a, b);
  })
                        : HostBinary([](double a, double b) {
                            return b == 0 ? 0 : a - std::floor(a / b) * b;
                          });
  auto shape = spec::broadcastShapes(ctx.inputShape(0), ctx.inputShape(1));
  if (shape && foldable(ctx, spec::elementCount(*shape)))
    return binary(ctx, &GraphBuilder::sub, hostMod, false);
  auto &b = ctx.b();
  Operand x = ctx.input(0), y = ctx.input(1);
  if (ctx.failed())
    return;
  if (!isFloat) {
    // WebNN's integer division truncates: a - (a / b) * b has the
    // dividend's sign; Python's takes the divisor's, one b further.
    auto options = ctx.options();
    Operand r = b.sub(x, b.mul(b.div(x, y, options), y, options), options);
    if (!cStyle && spec::isSigned(type)) {
      Operand zero = scalar(ctx, type, 0.0);
      Operand otherSign =
          b.logicalAnd(b.logicalNot(b.equal(r, zero, options), options),
                       b.logicalXor(b.lesser(r, zero, options),
                                    b.lesser(y, zero, options), options),
                       options);
      r = b.where(otherSign, b.add(r, y, options), r, options);
    }
    return ctx.set(0, r);
  }
  Operand q = b.div(x, y, ctx.options());
  Operand truncated = b.mul(b.sign(q, ctx.options()),
                            b.floor(b.abs(q, ctx.options()), ctx.options()),
                            ctx.options());
  ctx.set(0, b.sub(x, b.mul(truncated, y, ctx.options()), ctx.options()));
}

// Pow allows an exponent of another type; WebNN wants one type.
void convertPow(NodeContext &ctx) {
  DataType base = ctx.inputType(0);
  if (ctx.failed())
    return;
  // WebNN's pow takes floats: integer powers go through float32, exact
  // while the results stay below 2^24.
  DataType compute = spec::isFloatingPoint(base) ? base : DataType::Float32;
  auto &b = ctx.b();
  Operand x = ctx.input(0), exponent = ctx.input(1);
  if (base != compute)
    x = b.cast(x, compute, ctx.options());
  if (ctx.inputType(1) != compute)
    exponent = b.cast(exponent, compute, ctx.options());
  Operand y = b.pow(x, exponent, ctx.options());
  if (base != compute)
    y = b.cast(b.roundEven(y, ctx.options()), base, ctx.options());
  ctx.set(0, y);
}

// Max, Min, Sum, Mean: one or more inputs, folded pairwise.
void variadic(NodeContext &ctx, GraphBuilder::Binary method, bool mean) {
  if (ctx.inputCount() == 0)
    return ctx.invalid("needs at least one input");
  Operand acc = ctx.input(0);
  for (size_t i = 1; i < ctx.inputCount(); ++i)
    acc = (ctx.b().*method)(acc, ctx.input(i), ctx.options());
  if (ctx.inputCount() == 1) {
    if (!mean)
      return ctx.forward(0, 0);
    return ctx.set(0, ctx.b().identity(acc, ctx.options()));
  }
  if (mean)
    acc = ctx.b().div(acc,
                      scalar(ctx, acc.dataType(), double(ctx.inputCount())),
                      ctx.options());
  ctx.set(0, acc);
}

template <auto Method, bool Mean = false> void convertVariadic(NodeContext &ctx) {
  variadic(ctx, Method, Mean);
}

template <auto Method> void convertUnary(NodeContext &ctx) {
  ctx.set(0, (ctx.b().*Method)(ctx.input(0), ctx.options()));
}

void convertNeg(NodeContext &ctx) {
  if (foldable(ctx, spec::elementCount(ctx.inputShape(0))))
    return ctx.setKnown(0, host::unary(*ctx.known(0), ctx.inputType(0),
                                       [](double v) { return -v; }));
  ctx.set(0, ctx.b().neg(ctx.input(0), ctx.options()));
}

void convertIdentity(NodeContext &ctx) { ctx.forward(0, 0); }

void convertIsInf(NodeContext &ctx) {
  bool negative = ctx.attrInt("detect_negative", 1) != 0;
  bool positive = ctx.attrInt("detect_positive", 1) != 0;
  Operand x = ctx.input(0);
  Operand inf = ctx.b().isInfinite(x, ctx.options());
  if (negative && positive)
    return ctx.set(0, inf);
  if (!negative && !positive)
    return ctx.set(0, ctx.b().logicalAnd(
                          inf, ctx.b().logicalNot(inf, ctx.options()),
                          ctx.options()));
  Operand zero = scalar(ctx, x.dataType(), 0);
  Operand side = positive ? ctx.b().greater(x, zero, ctx.options())
                          : ctx.b().lesser(x, zero, ctx.options());
  ctx.set(0, ctx.b().logicalAnd(inf, side, ctx.options()));
}

void convertWhere(NodeContext &ctx) {
  if (ctx.allInputsKnown()) {
    auto shape = host::broadcast(ctx.inputShape(0), ctx.inputShape(1));
    if (shape)
      shape = host::broadcast(*shape, ctx.inputShape(2));
    if (shape && spec::elementCount(*shape) <= kMaxKnownElements &&
        ctx.inputType(1) == ctx.inputType(2))
      return ctx.setKnown(
          0, host::where(*ctx.known(0), *ctx.known(1), *ctx.known(2)));
  }
  ctx.set(0, ctx.b().where(ctx.input(0), ctx.input(1), ctx.input(2),
                           ctx.options()));
}

// Cast to |type|; to bool is "not zero", stored as uint8.
void castTo(NodeContext &ctx, DataType type, bool toBool) {
  DataType from = ctx.inputType(0);
  if (ctx.failed())
    return;
  if (foldable(ctx, spec::elementCount(ctx.inputShape(0))))
    return ctx.setKnown(
        0, host::unary(*ctx.known(0), type, [toBool](double v) {
          return toBool ? double(v != 0) : v;
        }));
  Operand x = ctx.input(0);
  if (toBool)
    return ctx.set(0, ctx.b().notEqual(x, scalar(ctx, from, 0),
                                       ctx.options()));
  if (from == type)
    return ctx.set(0, ctx.b().identity(x, ctx.options()));
  ctx.set(0, ctx.b().cast(x, type, ctx.options()));
}

void convertCast(NodeContext &ctx) {
  ctx.ignore("saturate"); // opset 19: float8 targets only, none in WebNN
  if (!ctx.has("to"))
    return ctx.invalid("attribute 'to' is required");
  int32_t to = int32_t(ctx.attrInt("to", 0));
  auto type = webnnType(to);
  if (!type)
    return ctx.notInWebNN("cast to " + onnxTypeName(to) +
                          ", which WebNN does not have");
  castTo(ctx, *type, to == onnx::TensorProto::BOOL);
}

void convertCastLike(NodeContext &ctx) {
  ctx.ignore("saturate");
  // The target's WebNN type; a bool target is uint8 here, so the cast to it
  // is a uint8 cast.
  DataType target = ctx.inputType(1);
  if (ctx.failed())
    return;
  castTo(ctx, target, false);
}

} // namespace

void registerElementwiseOps(ConverterTable &t) {
  using B = GraphBuilder;
  t["Add"] = convertBinary<&B::add, hostAdd>;
  t["Sub"] = convertBinary<&B::sub, hostSub>;
  t["Mul"] = convertBinary<&B::mul, hostMul>;
  t["Div"] = convertDiv;
  t["Mod"] = convertMod;
  t["Pow"] = convertPow;
  t["Equal"] = convertBinary<&B::equal, hostEqual, true>;
  t["Greater"] = convertBinary<&B::greater, hostGreater, true>;
  t["GreaterOrEqual"] = convertBinary<&B::greaterOrEqual, nullptr, true>;
  t["Less"] = convertBinary<&B::lesser, hostLess, true>;
  t["LessOrEqual"] = convertBinary<&B::lesserOrEqual, nullptr, true>;
  t["And"] = convertBinary<&B::logicalAnd>;
  t["Or"] = convertBinary<&B::logicalOr>;
  t["Xor"] = convertBinary<&B::logicalXor>;
  t["Not"] = convertUnary<&B::logicalNot>;
  t["Max"] = convertVariadic<&B::max>;
  t["Min"] = convertVariadic<&B::min>;
  t["Sum"] = convertVariadic<&B::add>;
  t["Mean"] = convertVariadic<&B::add, true>;
  t["Abs"] = convertUnary<&B::abs>;
  t["Ceil"] = convertUnary<&B::ceil>;
  t["Cos"] = convertUnary<&B::cos>;
  t["Erf"] = convertUnary<&B::erf>;
  t["Exp"] = convertUnary<&B::exp>;
  t["Floor"] = convertUnary<&B::floor>;
  t["Log"] = convertUnary<&B::log>;
  t["Neg"] = convertNeg;
  t["Reciprocal"] = convertUnary<&B::reciprocal>;
  t["Round"] = convertUnary<&B::roundEven>;
  t["Sign"] = convertUnary<&B::sign>;
  t["Sin"] = convertUnary<&B::sin>;
  t["Sqrt"] = convertUnary<&B::sqrt>;
  t["Tan"] = convertUnary<&B::tan>;
  t["IsNaN"] = convertUnary<&B::isNaN>;
  t["IsInf"] = convertIsInf;
  t["Identity"] = convertIdentity;
  t["Where"] = convertWhere;
  t["Cast"] = convertCast;
  t["CastLike"] = convertCastLike;
}

} // namespace webnnc::importer
