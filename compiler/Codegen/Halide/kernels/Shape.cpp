// SPDX-License-Identifier: Apache-2.0
// transpose and softmax kernels.
#include <limits>
#include <stdexcept>

#include "../Math.h"
#include "Families.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;

namespace {

Defined defineTranspose(const kernels::OpSpec &op, const Value &input) {
  const std::vector<int64_t> *given = op.intAttr("permutation");
  std::vector<int64_t> perm = spec::resolvePermutation(
      {input.type.dataType, input.type.shape},
      {given ? *given : std::vector<int64_t>{}, {}});
  size_t rank = perm.size();
  std::vector<Var> vars = makeVars(rank);
  // Output WebNN dim i reads input WebNN dim perm[i]; in Halide order the
  // input's dim (rank-1-perm[i]) takes the output's var (rank-1-i).
  std::vector<Expr> args(rank);
  for (size_t i = 0; i < rank; ++i)
    args[rank - 1 - perm[i]] = vars[rank - 1 - i];
  Func f("transpose");
  f(vars) = input.func(args);
  spec::Shape shape = op.result.shape;
  Schedule sched = [shape](Func output, const Target &target) {
    scheduleElementwise(output, shape, target);
  };
  return {Value{f, op.result}, sched};
}

Defined defineSoftmax(const kernels::OpSpec &op, const Value &input) {
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
  RDom r(0, int(shape[axis]), "r");
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

  Schedule sched = [=](Func output, const Target &target) mutable {
    // Row statistics first (small), then the normalized values.
    rowMax.compute_root();
    rowSum.compute_root();
    scheduleElementwise(output, shape, target);
  };
  return {Value{f, op.result}, sched};
}

} // namespace

std::optional<Defined> defineShape(const kernels::OpSpec &op,
                                   const std::vector<Value> &operands) {
  if (op.kind != "transpose" && op.kind != "softmax")
    return std::nullopt;
  if (operands.empty())
    throw std::runtime_error(op.kind + " needs an input");
  if (op.kind == "transpose")
    return defineTranspose(op, operands[0]);
  return defineSoftmax(op, operands[0]);
}

} // namespace webnnc::halide
