// SPDX-License-Identifier: Apache-2.0
// Kernels that move elements: transpose, concat, expand, pad, reverse,
// slice, tile and triangular. Each output element reads one input element
// (or a constant), so they share the element-wise schedule.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "Families.h"
#include "webnnc/Spec/Ops.h"
#include "webnnc/Support/Float16.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;
using Index = std::vector<Expr>;

namespace {

Defined transpose(const kernels::OpSpec &op, const Value &input) {
  std::vector<int64_t> perm = spec::resolvePermutation(
      input.descriptor(), {op.intList("permutation"), {}});
  Defined defined = definePointwise("transpose", op, [&](const Index &out) {
    // Output dimension i walks input dimension perm[i].
    Index in(out.size());
    for (size_t i = 0; i < out.size(); ++i)
      in[perm[i]] = out[i];
    return rawAt(input, in);
  });
  defined.value.openExtents.assign(perm.size(), Expr());
  for (size_t i = 0; i < perm.size(); ++i)
    if (isOpen(op.result.shape[i]))
      defined.value.openExtents[i] = input.extent(size_t(perm[i]));
  // An output whose innermost dimension is short (an image's 3 channels
  // going channels-last) while the input's innermost one is not: vectors
  // along the output dimension that walks the input's innermost (dense
  // loads), the short one unrolled inside (Halide interleaves the vectors
  // into dense stores). Vectors along the short dimension read one
  // element per plane: 2.1x slower for a 224x224 RGB image.
  const spec::Shape &shape = op.result.shape;
  size_t rank = shape.size();
  auto walk = std::find(perm.begin(), perm.end(), int64_t(rank) - 1);
  size_t j = size_t(walk - perm.begin());
  if (rank >= 2 && j + 1 < rank && !spec::hasOpenDims(shape) &&
      shape[rank - 1] <= 4 && shape[j] >= 16) {
    int inner = int(shape[rank - 1]), along = int(rank - 1 - j);
    defined.schedule = [shape, inner, along](Func output, const Target &target,
                                             const Placement &placement) {
      std::vector<Var> v = output.args();
      std::vector<VarOrRVar> order{v[0], v[along]};
      for (size_t d = 1; d < v.size(); ++d)
        if (int(d) != along)
          order.push_back(v[d]);
      Type type = output.output_types().front();
      int lanes = vectorWidth(target, type, extentOf(shape, size_t(along)));
      output.bound(v[0], 0, inner).unroll(v[0]).reorder(order).vectorize(
          v[along], lanes,
          tailFor(extentOf(shape, size_t(along)), lanes, placement));
      if (placement.root && worthParallel(workHint(shape)))
        output.parallel(order.back().var);
    };
  }
  return defined;
}

// concat: one copy per input into its range of the axis, each a plain
// vectorized copy (a single definition selecting among the inputs reads
// every input for every element, with clamped, scattered indices where
// the channels of an nhwc concat interleave).
Defined concat(const kernels::OpSpec &op, const std::vector<Value> &inputs) {
  size_t rank = op.result.shape.size();
  int64_t axis = op.intAttr("axis", 0);
  size_t h = rank - 1 - size_t(axis); // the axis' Halide dimension
  std::vector<Var> vars = makeVars(rank);
  Type type = storageType(op.result.dataType);
  Func f("concat");
  f(vars) = undef(type);
  std::vector<RDom> ranges;
  Expr start = 0;
  for (const Value &input : inputs) {
    Expr size = input.extent(size_t(axis));
    RDom r(0, size, "r" + std::to_string(ranges.size()));
    std::vector<Expr> to(vars.begin(), vars.end()), from = to;
    to[h] = r + start;
    from[h] = r;
    f(to) = input.func(from);
    ranges.push_back(r);
    start = simplify(start + size);
  }
  // Open sizes: the inputs' (which agree) off the axis, their sum on it.
  std::vector<Expr> openExtents(rank);
  for (size_t d = 0; d < rank; ++d)
    if (isOpen(op.result.shape[d]))
      openExtents[d] = d == size_t(axis) ? start : inputs[0].extent(d);
  spec::Shape shape = op.result.shape;
  Schedule schedule = [=](Func output, const Target &target,
                          const Placement &placement) mutable {
    if (output.name() != f.name()) { // element-wise ops after the concat
      scheduleElementwise(output, shape, target, placement);
      f.compute_root();
    }
    bool parallel = placement.root && rank > 1 && worthParallel(workHint(shape));
    for (size_t k = 0; k < ranges.size(); ++k) {
      Stage copy = f.update(int(k));
      int64_t extent =
          sizeHint(h == 0 ? inputs[k].type.shape[axis] : extentOf(shape, 0));
      int vw = vectorWidth(target, type, extent);
      if (h == 0)
        copy.vectorize(ranges[k].x, vw, TailStrategy::GuardWithIf);
      else
        copy.vectorize(vars[0], vw, TailStrategy::GuardWithIf);
      if (parallel && h != rank - 1)
        copy.parallel(vars[rank - 1]);
    }
  };
  return Defined{Value{f, op.result, openExtents}, schedule};
}

Defined expand(const kernels::OpSpec &op, const Value &input) {
  const spec::Shape &from = input.type.shape, &to = op.result.shape;
  size_t skip = to.size() - from.size();
  Defined defined = definePointwise("expand", op, [&](const Index &out) {
    Index in;
    for (size_t d = 0; d < from.size(); ++d)
      in.push_back(from[d] == 1 ? Expr(0) : out[skip + d]);
    return rawAt(input, in);
  });
  // An open input dimension carries through; a new open size is the
  // output buffer's (expand ends its kernel's ops that need sizes).
  defined.value.openExtents.assign(to.size(), Expr());
  for (size_t d = 0; d < from.size(); ++d)
    if (isOpen(from[d]))
      defined.value.openExtents[skip + d] = input.extent(d);
  return defined;
}

// pad's padding value cast to the data type (like clamp's bounds).
Expr padValue(const kernels::OpSpec &op) {
  const std::vector<double> *values = op.floatAttr("value");
  double v = values && !values->empty() ? values->front() : 0.0;
  spec::DataType type = op.result.dataType;
  Type t = storageType(type);
  if (t.is_float()) {
    if (type == spec::DataType::Float16 && std::isfinite(v))
      v = halfToDouble(doubleToHalf(v));
    return cast(t, make_const(Float(64), v));
  }
  double lo = t.is_int() ? -std::ldexp(1.0, t.bits() - 1) : 0.0;
  double hi = std::nextafter(std::ldexp(1.0, t.is_int() ? t.bits() - 1 : t.bits()), 0);
  if (t.bits() < 64)
    hi = std::ldexp(1.0, t.is_int() ? t.bits() - 1 : t.bits()) - 1;
  double c = std::isnan(v) ? 0 : std::min(std::max(std::trunc(v), lo), hi);
  return t.is_uint() ? make_const(t, uint64_t(c)) : make_const(t, int64_t(c));
}

Defined pad(const kernels::OpSpec &op, const Value &input) {
  std::vector<int64_t> begin = op.intList("beginning_padding");
  int64_t mode = op.intAttr("mode", 0); // constant, edge, reflection
  const spec::Shape &shape = input.type.shape;
  std::vector<int64_t> end = op.intList("ending_padding");
  Expr value = padValue(op);
  Defined defined = definePointwise("pad", op, [&](const Index &out) {
    Index in(out.size());
    Expr inside = Halide::Internal::const_true();
    for (size_t d = 0; d < out.size(); ++d) {
      Expr n = input.extent(d);
      Expr i = out[d] - int(begin[d]);
      if (mode == 2) // reflection: mirror without repeating the edge
        i = select(i < 0, -i, select(i >= n, 2 * (n - 1) - i, i));
      else if (mode == 0)
        inside = inside && i >= 0 && i < n;
      in[d] = clamp(i, 0, n - 1); // edge; and keeps every read in bounds
    }
    Expr v = rawAt(input, in);
    return mode == 0 ? select(inside, v, value) : v;
  });
  defined.value.openExtents.assign(shape.size(), Expr());
  for (size_t d = 0; d < shape.size(); ++d)
    if (isOpen(shape[d]))
      defined.value.openExtents[d] = input.extent(d) + int(begin[d] + end[d]);
  return defined;
}

Defined reverse(const kernels::OpSpec &op, const Value &input) {
  std::vector<int64_t> axes = spec::resolveReverseAxes(
      input.descriptor(),
      {op.intAttr("axes") ? std::optional(op.intList("axes")) : std::nullopt,
       {}});
  Defined defined = definePointwise("reverse", op, [&](const Index &out) {
    Index in = out;
    for (int64_t axis : axes)
      in[axis] = input.extent(size_t(axis)) - 1 - out[axis];
    return rawAt(input, in);
  });
  defined.value.openExtents = input.openExtents;
  return defined;
}

Defined slice(const kernels::OpSpec &op, const Value &input) {
  std::vector<int64_t> starts = op.intList("starts");
  std::vector<int64_t> strides = op.intList("strides");
  return definePointwise("slice", op, [&](const Index &out) {
    Index in(out.size());
    for (size_t d = 0; d < out.size(); ++d)
      in[d] = int(starts[d]) + out[d] * int(strides.empty() ? 1 : strides[d]);
    return rawAt(input, in);
  });
}

Defined tile(const kernels::OpSpec &op, const Value &input) {
  const spec::Shape &shape = input.type.shape;
  std::vector<int64_t> repetitions = op.intList("repetitions");
  Defined defined = definePointwise("tile", op, [&](const Index &out) {
    Index in(out.size());
    for (size_t d = 0; d < out.size(); ++d)
      in[d] = shape[d] == 1 ? Expr(0) : out[d] % input.extent(d);
    return rawAt(input, in);
  });
  defined.value.openExtents.assign(shape.size(), Expr());
  for (size_t d = 0; d < shape.size(); ++d)
    if (isOpen(shape[d]))
      defined.value.openExtents[d] = input.extent(d) * int(repetitions[d]);
  return defined;
}

Defined triangular(const kernels::OpSpec &op, const Value &input) {
  bool upper = op.intAttr("upper", 1) != 0;
  int diagonal = int(op.intAttr("diagonal", 0));
  Type t = storageType(op.result.dataType);
  Defined defined = definePointwise("triangular", op, [&](const Index &out) {
    size_t rank = out.size();
    Expr offset = out[rank - 1] - out[rank - 2]; // column - row
    Expr keep = upper ? offset >= diagonal : offset <= diagonal;
    return select(keep, rawAt(input, out), make_const(t, 0));
  });
  defined.value.openExtents = input.openExtents;
  return defined;
}

} // namespace

std::optional<Defined> defineDataMovement(const kernels::OpSpec &op,
                                          const std::vector<Value> &operands) {
  static const char *kinds[] = {"transpose", "concat",  "expand", "pad",
                                "reverse",   "slice",   "tile",   "triangular"};
  if (std::find(std::begin(kinds), std::end(kinds), op.kind) == std::end(kinds))
    return std::nullopt;
  if (operands.empty())
    throw std::runtime_error(op.kind + " needs an input");
  const Value &input = operands[0];
  if (op.kind == "transpose")
    return transpose(op, input);
  if (op.kind == "concat")
    return concat(op, operands);
  if (op.kind == "expand")
    return expand(op, input);
  if (op.kind == "pad")
    return pad(op, input);
  if (op.kind == "reverse")
    return reverse(op, input);
  if (op.kind == "slice")
    return slice(op, input);
  if (op.kind == "tile")
    return tile(op, input);
  return triangular(op, input);
}

} // namespace webnnc::halide
