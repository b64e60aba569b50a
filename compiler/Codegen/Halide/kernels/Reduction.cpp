// SPDX-License-Identifier: Apache-2.0
// Reductions, argMin/argMax, cumulativeSum and softmax. Float sums
// accumulate in float64, like the reference, so long reductions keep the
// precision the WPT tolerances assume.
#include <limits>
#include <stdexcept>

#include "../Math.h"
#include "AxisReduction.h"
#include "Families.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;
using Index = std::vector<Expr>;

namespace {

std::optional<spec::ReduceKind> reduceKind(const std::string &kind) {
  static const std::pair<const char *, spec::ReduceKind> kinds[] = {
      {"reduce_l1", spec::ReduceKind::L1},
      {"reduce_l2", spec::ReduceKind::L2},
      {"reduce_log_sum", spec::ReduceKind::LogSum},
      {"reduce_log_sum_exp", spec::ReduceKind::LogSumExp},
      {"reduce_max", spec::ReduceKind::Max},
      {"reduce_mean", spec::ReduceKind::Mean},
      {"reduce_min", spec::ReduceKind::Min},
      {"reduce_product", spec::ReduceKind::Product},
      {"reduce_sum", spec::ReduceKind::Sum},
      {"reduce_sum_square", spec::ReduceKind::SumSquare}};
  for (auto [name, k] : kinds)
    if (kind == name)
      return k;
  return std::nullopt;
}

// |result|, computed from the root-scheduled reduction |acc|.
Defined reductionResult(Func result, Func acc, const kernels::OpSpec &op,
                        const Value &input, const AxisReduction &reduction) {
  spec::Shape outShape = op.result.shape;
  int64_t work = workHint(input.type.shape);
  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) mutable {
    scheduleReduction(acc, outShape, work, target);
    scheduleElementwise(output, outShape, target, placement);
  };
  // Kept open dimensions keep their sizes.
  Value reduced{result, op.result};
  if (spec::hasOpenDims(op.result.shape))
    reduced.openExtents = reduction.outputOpenExtents(
        input, op.intAttr("keep_dimensions", 0) != 0);
  return Defined{reduced, sched};
}

// Wrapping integer arithmetic on the unsigned bit patterns.
Expr wrapped(Type t, Expr a, Expr b, bool multiply) {
  Type u = t.with_code(Type::UInt);
  Expr ua = reinterpret(u, a), ub = reinterpret(u, b);
  return reinterpret(t, multiply ? ua * ub : ua + ub);
}

Defined reduce(const kernels::OpSpec &op, spec::ReduceKind kind,
               const Value &input) {
  spec::ReduceOptions options;
  if (op.intAttr("axes"))
    options.axes = op.intList("axes");
  options.keepDimensions = op.intAttr("keep_dimensions", 0) != 0;
  std::vector<int64_t> axes = spec::resolveReduceAxes(input.descriptor(), options);
  AxisReduction reduction(input, axes);
  const RDom &r = reduction.domain();

  std::vector<Var> vars = makeVars(op.result.shape.size());
  Index in = reduction.inputIndex(
      reduction.keptIndex(webnnOrder(vars), options.keepDimensions));
  Type storage = storageType(input.type.dataType);
  bool isFloat = storage.is_float();
  // Accumulate floats in float64, integers in their own (wrapping) type.
  Type accType = isFloat ? Float(64) : storage;
  Expr x = isFloat ? cast<double>(rawAt(input, in)) : rawAt(input, in);

  Func acc("reduce_acc");
  Func result(op.kind);
  auto zero = make_const(accType, 0);
  switch (kind) {
  case spec::ReduceKind::Max:
  case spec::ReduceKind::Min: {
    bool isMax = kind == spec::ReduceKind::Max;
    Expr identity = isMax ? (isFloat ? make_const(accType, -INFINITY) : accType.min())
                          : (isFloat ? make_const(accType, INFINITY) : accType.max());
    acc(vars) = identity;
    Expr best = acc(vars);
    Expr better = isMax ? x > best : x < best;
    if (isFloat) // NaN propagates
      better = better || is_nan(x);
    acc(vars) = select(isFloat ? better && !is_nan(best) : better, x, best);
    break;
  }
  case spec::ReduceKind::Product:
    acc(vars) = make_const(accType, 1);
    acc(vars) = isFloat ? acc(vars) * x : wrapped(accType, acc(vars), x, true);
    break;
  case spec::ReduceKind::LogSumExp: {
    Func maximum("reduce_max");
    maximum(vars) = make_const(accType, -INFINITY);
    maximum(vars) = max(maximum(vars), x);
    acc(vars) = zero;
    acc(vars) += exp(x - maximum(vars));
    Expr m = maximum(vars);
    result(vars) = store(select(is_inf(m), m, m + log(acc(vars))),
                         op.result.dataType);
    maximum.compute_root();
    break;
  }
  default: {
    Expr term = x;
    if (kind == spec::ReduceKind::L1) {
      Type u = accType.with_code(Type::UInt);
      Expr negated = reinterpret(accType, make_const(u, 0) - reinterpret(u, x));
      term = isFloat ? abs(x) : storage.is_int() ? select(x < 0, negated, x) : x;
    }
    if (kind == spec::ReduceKind::L2 || kind == spec::ReduceKind::SumSquare)
      term = isFloat ? x * x : wrapped(accType, x, x, true);
    acc(vars) = zero;
    acc(vars) = isFloat ? acc(vars) + term
                        : wrapped(accType, acc(vars), cast(accType, term), false);
    break;
  }
  }
  if (!result.defined()) {
    Expr value = acc(vars);
    if (kind == spec::ReduceKind::L2)
      value = sqrt(value);
    else if (kind == spec::ReduceKind::LogSum)
      value = log(value);
    else if (kind == spec::ReduceKind::Mean)
      value = value / cast<double>(reduction.count());
    result(vars) = isFloat ? store(value, op.result.dataType)
                           : cast(storageType(op.result.dataType), value);
  }
  return reductionResult(result, acc, op, input, reduction);
}

// argMin/argMax: the first index of the extreme value (ties and NaN keep
// the earlier index, as a strict comparison from element 0 does).
Defined argMinMax(const kernels::OpSpec &op, bool isMax, const Value &input) {
  int64_t axis = op.intAttr("axis", 0);
  bool keep = op.intAttr("keep_dimensions", 0) != 0;
  int64_t extent = input.type.shape[axis];
  Expr size = input.extent(size_t(axis));
  std::vector<Var> vars = makeVars(op.result.shape.size());
  AxisReduction reduction(input, {axis});
  Index kept = reduction.keptIndex(webnnOrder(vars), keep);
  Index first = kept, at = kept;
  first[axis] = 0;
  RDom r(1, isOpen(extent) ? size - 1 : Expr(int(std::max<int64_t>(extent - 1, 1))),
         "r");
  at[axis] = r.x;
  Func best("arg_best");
  best(vars) = Tuple(readAt(input, first), 0);
  Expr v = readAt(input, at);
  Expr current = best(vars)[0];
  Expr better = isMax ? v > current : v < current;
  if (extent > 1 || isOpen(extent))
    best(vars) = Tuple(select(better, v, current),
                       select(better, r.x, best(vars)[1]));
  Func result(op.kind);
  result(vars) = cast(storageType(op.result.dataType), best(vars)[1]);
  return reductionResult(result, best, op, input, reduction);
}

// cumulativeSum: an inclusive scan along the axis (float64 for floats),
// from which the exclusive form reads the previous element.
Defined cumulativeSum(const kernels::OpSpec &op, const Value &input) {
  int64_t axis = op.intAttr("axis", 0);
  bool exclusive = op.intAttr("exclusive", 0) != 0;
  bool reversed = op.intAttr("reversed", 0) != 0;
  bool open = isOpen(input.type.shape[axis]);
  Expr n = input.extent(size_t(axis));
  std::vector<Var> vars = makeVars(op.result.shape.size());
  Index index = webnnOrder(vars);
  Type storage = storageType(input.type.dataType);
  bool isFloat = storage.is_float();
  Type accType = isFloat ? Float(64) : storage;
  auto value = [&](Expr at) {
    Index i = index;
    i[axis] = at;
    return cast(accType, rawAt(input, i));
  };
  size_t d = index.size() - 1 - size_t(axis); // Halide dimension
  Func scan("cumsum_scan");
  scan(vars) = value(index[axis]);
  if (open || input.type.shape[axis] > 1) {
    RDom r(1, n - 1, "r");
    Expr to = reversed ? n - 1 - r.x : Expr(r.x);
    Expr from = reversed ? to + 1 : to - 1;
    std::vector<Expr> lhs = toExprs(vars), prev = toExprs(vars);
    lhs[d] = to;
    prev[d] = from;
    Expr sum = isFloat ? scan(prev) + value(to)
                       : wrapped(accType, scan(prev), value(to), false);
    scan(lhs) = sum;
  }
  Expr out = scan(vars);
  if (exclusive) {
    std::vector<Expr> prev = toExprs(vars);
    Expr i = index[axis];
    prev[d] = clamp(reversed ? i + 1 : i - 1, 0, n - 1);
    Expr edge = reversed ? i == n - 1 : i == 0;
    out = select(edge, make_const(accType, 0), scan(prev));
  }
  Func result(op.kind);
  result(vars) = isFloat ? store(out, op.result.dataType) : cast(storage, out);
  spec::Shape shape = op.result.shape;
  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) mutable {
    scan.compute_root();
    scheduleElementwise(output, shape, target, placement);
  };
  return Defined{Value{result, op.result, input.openExtents}, sched};
}

Defined softmax(const kernels::OpSpec &op, const Value &input) {
  const spec::Shape &shape = op.result.shape;
  size_t rank = shape.size();
  int64_t axis = op.intAttr("axis", 0);
  if (axis < 0 || axis >= int64_t(rank))
    throw std::runtime_error("softmax axis out of range");
  size_t d = rank - 1 - static_cast<size_t>(axis); // Halide dimension
  std::vector<Var> vars = makeVars(rank);
  std::vector<Var> others; // every var but the axis'
  for (size_t i = 0; i < rank; ++i)
    if (i != d)
      others.push_back(vars[i]);
  RDom r(0, input.extent(size_t(axis)), "r");
  std::vector<Expr> along = toExprs(vars);
  along[d] = r.x;

  Func rowMax("softmax_max"), e("softmax_exp"), rowSum("softmax_sum");
  rowMax(others) = Float(32).min();
  rowMax(others) = max(rowMax(others), read(input, along));
  e(vars) = vexp(read(input, toExprs(vars)) - rowMax(others));
  rowSum(others) = 0.0f;
  rowSum(others) += e(along);
  Func f("softmax");
  f(vars) = store(e(vars) / rowSum(others), op.result.dataType);

  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) mutable {
    // Row statistics first (small), then the normalized values.
    rowMax.compute_root();
    rowSum.compute_root();
    if (isDeterministic(target) && d == 0) {
      reduceInSixteenLanes(rowMax, r.x);
      reduceInSixteenLanes(rowSum, r.x);
    }
    scheduleElementwise(output, shape, target, placement);
  };
  return {Value{f, op.result, input.openExtents}, sched};
}

} // namespace

std::optional<Defined> defineReduction(const kernels::OpSpec &op,
                                       const std::vector<Value> &operands) {
  std::optional<spec::ReduceKind> kind = reduceKind(op.kind);
  bool known = kind || op.kind == "arg_min" || op.kind == "arg_max" ||
               op.kind == "cumulative_sum" || op.kind == "softmax";
  if (!known)
    return std::nullopt;
  if (operands.empty())
    throw std::runtime_error(op.kind + " needs an input");
  if (kind)
    return reduce(op, *kind, operands[0]);
  if (op.kind == "cumulative_sum")
    return cumulativeSum(op, operands[0]);
  if (op.kind == "softmax")
    return softmax(op, operands[0]);
  return argMinMax(op, op.kind == "arg_max", operands[0]);
}

} // namespace webnnc::halide
