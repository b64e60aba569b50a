// SPDX-License-Identifier: Apache-2.0
// gather, gatherElements, gatherND, scatterElements and scatterND kernels.
// Indices wrap once from the end and clamp into range, as the reference
// does; scatters write in the updates' row-major order (last write wins).
#include <stdexcept>

#include "Families.h"

namespace webnnc::halide {
using namespace Halide;
using Halide::Internal::make_const;
using Index = std::vector<Expr>;

namespace {

// Index |i| into a dimension of |size|: negative counts from the end, then
// clamps into [0, size).
Expr resolveIndex(Expr i, spec::DataType type, Expr size) {
  Expr wide = cast<int64_t>(i), n = cast<int64_t>(size);
  if (spec::isSigned(type))
    wide = select(wide < 0, wide + n, wide);
  return cast<int>(clamp(wide, make_const(Int(64), 0), n - 1));
}

Defined gather(const kernels::OpSpec &op, const Value &input,
               const Value &indices) {
  int64_t axis = op.intAttr("axis", 0);
  size_t indexRank = indices.type.shape.size();
  return definePointwise("gather", op, [&](const Index &out) {
    Index idx(out.begin() + axis, out.begin() + axis + indexRank);
    Index in(out.begin(), out.begin() + axis);
    in.push_back(resolveIndex(rawAt(indices, idx), indices.type.dataType,
                              input.extent(size_t(axis))));
    in.insert(in.end(), out.begin() + axis + indexRank, out.end());
    return rawAt(input, in);
  });
}

Defined gatherElements(const kernels::OpSpec &op, const Value &input,
                       const Value &indices) {
  int64_t axis = op.intAttr("axis", 0);
  return definePointwise("gather_elements", op, [&](const Index &out) {
    Index in = out;
    in[axis] = resolveIndex(rawAt(indices, out), indices.type.dataType,
                            input.extent(size_t(axis)));
    return rawAt(input, in);
  });
}

// The input coordinates index tuple |batch| of |indices| addresses,
// followed by |rest|.
Index ndSource(const Value &input, const Value &indices, const Index &batch,
               const Index &rest) {
  int64_t k = indices.type.shape.back();
  Index in;
  for (int64_t j = 0; j < k; ++j) {
    Index at = batch;
    at.push_back(int(j));
    in.push_back(resolveIndex(rawAt(indices, at), indices.type.dataType,
                              input.extent(size_t(j))));
  }
  in.insert(in.end(), rest.begin(), rest.end());
  return in;
}

Defined gatherND(const kernels::OpSpec &op, const Value &input,
                 const Value &indices) {
  size_t batchRank = indices.type.shape.size() - 1;
  return definePointwise("gather_nd", op, [&](const Index &out) {
    Index batch(out.begin(), out.begin() + batchRank);
    Index rest(out.begin() + batchRank, out.end());
    return rawAt(input, ndSource(input, indices, batch, rest));
  });
}

// A copy of |input|, then one update per element of |updates| (serial, so
// a later update to the same element wins).
Defined scatter(const kernels::OpSpec &op, const Value &input,
                const Value &updates,
                const std::function<Index(const Index &)> &target) {
  std::vector<Var> vars = makeVars(input.type.shape.size());
  Func f(op.kind);
  f(vars) = input.func(toExprs(vars));
  const spec::Shape &shape = updates.type.shape;
  Region region;
  // Halide order (innermost first); open extents are the buffer's.
  for (size_t d = shape.size(); d-- > 0;)
    region.push_back(Range(0, updates.extent(d)));
  if (region.empty())
    region.push_back(Range(0, 1));
  RDom r(region, "r");
  Index at; // the update's WebNN coordinates
  for (size_t d = shape.size(); d-- > 0;)
    at.push_back(r[int(d)]);
  Index to = target(at);
  std::vector<Expr> lhs(to.rbegin(), to.rend());
  f(lhs) = rawAt(updates, at);
  spec::Shape outShape = op.result.shape;
  Schedule sched = [outShape](Func output, const Target &target,
                       const Placement &placement) {
    // The copy vectorizes; the updates stay serial.
    std::vector<Var> v = output.args();
    if (!v.empty()) {
      int vw = vectorWidth(target, output.output_types().front(),
                           extentOf(outShape, 0));
      if (vw > 1)
        output.vectorize(v[0], vw, TailStrategy::GuardWithIf);
    }
  };
  return Defined{Value{f, op.result}, sched};
}

} // namespace

std::optional<Defined> defineGather(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands) {
  const std::string &k = op.kind;
  if (k != "gather" && k != "gather_elements" && k != "gather_nd" &&
      k != "scatter_elements" && k != "scatter_nd")
    return std::nullopt;
  if (operands.size() < 2 ||
      (k.rfind("scatter", 0) == 0 && operands.size() < 3))
    throw std::runtime_error(k + " is missing operands");
  const Value &input = operands[0], &indices = operands[1];
  if (k == "gather")
    return gather(op, input, indices);
  if (k == "gather_elements")
    return gatherElements(op, input, indices);
  if (k == "gather_nd")
    return gatherND(op, input, indices);
  const Value &updates = operands[2];
  if (k == "scatter_elements") {
    int64_t axis = op.intAttr("axis", 0);
    return scatter(op, input, updates, [&](const Index &at) {
      Index to = at;
      to[axis] = resolveIndex(rawAt(indices, at), indices.type.dataType,
                              input.extent(size_t(axis)));
      return to;
    });
  }
  size_t batchRank = indices.type.shape.size() - 1;
  return scatter(op, input, updates, [&](const Index &at) {
    Index batch(at.begin(), at.begin() + batchRank);
    Index rest(at.begin() + batchRank, at.end());
    return ndSource(input, indices, batch, rest);
  });
}

} // namespace webnnc::halide
