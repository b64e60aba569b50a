// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the Halide kernel families.
#include "Common.h"

#include <cmath>
#include <stdexcept>

namespace webnnc::halide {
using namespace Halide;
using spec::DataType;
using Halide::Internal::make_const;

Expr Value::extent(size_t d) const {
  if (!isOpen(type.shape.at(d)))
    return Expr(int(type.shape[d]));
  if (d < openExtents.size() && openExtents[d].defined())
    return openExtents[d];
  throw std::runtime_error("the size of open dimension " + std::to_string(d) +
                           " is not known inside this kernel");
}

int64_t workHint(const spec::Shape &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= sizeHint(d);
  return n;
}

TailStrategy tailFor(int64_t size, int factor, const Placement &placement) {
  bool fits = placement.root && !placement.inPlace && !isOpen(size) &&
              size >= factor;
  return fits ? TailStrategy::ShiftInwards : TailStrategy::GuardWithIf;
}

Type storageType(DataType type) {
  switch (type) {
  case DataType::Float32:
    return Float(32);
  case DataType::Float16:
    return Float(16);
  case DataType::Int32:
    return Int(32);
  case DataType::Uint32:
    return UInt(32);
  case DataType::Int64:
    return Int(64);
  case DataType::Uint64:
    return UInt(64);
  case DataType::Int8:
    return Int(8);
  case DataType::Uint8:
    return UInt(8);
  }
  return Float(32);
}

Type computeType(DataType type) {
  return type == DataType::Float16 ? Float(32) : storageType(type);
}

std::vector<Var> makeVars(size_t rank) {
  std::vector<Var> vars;
  for (size_t d = 0; d < rank; ++d)
    vars.emplace_back("d" + std::to_string(d));
  return vars;
}

std::vector<Expr> toExprs(const std::vector<Var> &vars) {
  return std::vector<Expr>(vars.begin(), vars.end());
}

// A stored element in the compute type.
Expr toCompute(Expr stored, DataType type) {
  return cast(computeType(type), stored);
}

Expr read(const Value &value, const std::vector<Expr> &args) {
  return toCompute(value.func(args), value.type.dataType);
}

Expr broadcastRead(const Value &value, const spec::Shape &outShape,
                   const std::vector<Var> &vars) {
  const spec::Shape &shape = value.type.shape;
  std::vector<Expr> args;
  for (size_t d = 0; d < shape.size(); ++d) {
    bool broadcast = extentOf(shape, d) == 1 && extentOf(outShape, d) != 1;
    args.push_back(broadcast ? Expr(0) : Expr(vars[d]));
  }
  return read(value, args);
}

Expr roundedAndClamped(Expr value, Expr addend, int zeroPoint, int lo,
                       int hi) {
  constexpr float kRounder = 12582912.0f; // 1.5 * 2^23: bits 0x4b400000
  // The sum first (adding the rounder to one term would round it alone),
  // and the zero point after rounding (an odd one would flip the ties).
  Expr rounded = (value + addend) + kRounder;
  // fl(x + kRounder) grows with x, so clamping it clamps the integer.
  Expr clamped = clamp(rounded, float(lo - zeroPoint) + kRounder,
                       float(hi - zeroPoint) + kRounder);
  return reinterpret(Int(32), clamped) + (zeroPoint - 0x4b400000);
}

namespace {
bool strictStores = false;
} // namespace

void setStrictStores(bool strict) { strictStores = strict; }

Expr store(Expr e, DataType type) {
  if (strictStores && e.type().is_float())
    e = strict_float(e);
  if (type == DataType::Float16 && e.type().is_float() && e.type().bits() > 16) {
    // Halide 14's software float -> float16 conversion turns NaN into
    // infinity (its overflow test also matches NaN), and under fast-math
    // LLVM may drop a NaN on the way; convert strictly and patch NaN's
    // bits.
    Expr bits = reinterpret(UInt(16), strict_float(cast(Float(16), e)));
    bits = select(is_nan(e), make_const(UInt(16), 0x7e00), bits);
    return reinterpret(Float(16), bits);
  }
  return cast(storageType(type), e);
}

Expr rawAt(const Value &value, const std::vector<Expr> &index) {
  std::vector<Expr> args(index.rbegin(), index.rend());
  return value.func(args);
}

Expr readAt(const Value &value, const std::vector<Expr> &index) {
  return toCompute(rawAt(value, index), value.type.dataType);
}

std::vector<Expr> webnnOrder(const std::vector<Var> &vars) {
  return std::vector<Expr>(vars.rbegin(), vars.rend());
}

Defined definePointwise(
    const std::string &name, const kernels::OpSpec &op,
    const std::function<Expr(const std::vector<Expr> &)> &body) {
  std::vector<Var> vars = makeVars(op.result.shape.size());
  Func f(name);
  f(vars) = body(webnnOrder(vars));
  spec::Shape shape = op.result.shape;
  Schedule schedule = [shape](Func output, const Target &target,
                       const Placement &placement) {
    scheduleElementwise(output, shape, target, placement);
  };
  return Defined{Value{f, op.result}, schedule};
}

int vectorWidth(const Target &target, Type type, int64_t extent) {
  int natural = target.natural_vector_size(type);
  if (isOpen(extent))
    return natural;
  int width = 1;
  while (width * 2 <= natural && width * 2 <= extent)
    width *= 2;
  return width;
}

void scheduleElementwise(Func output, const spec::Shape &shape,
                         const Target &target, const Placement &placement) {
  if (shape.empty())
    return;
  std::vector<Var> vars = output.args();
  Type type = output.output_types().front();
  int vw = vectorWidth(target, type, extentOf(shape, 0));
  if (vw > 1)
    output.vectorize(vars[0], vw, tailFor(extentOf(shape, 0), vw, placement));
  int64_t elements = workHint(shape);
  if (placement.root && shape.size() > 1 && worthParallel(elements))
    output.parallel(vars.back());
}

} // namespace webnnc::halide
