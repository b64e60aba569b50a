// SPDX-License-Identifier: Apache-2.0
// AxisReduction: the domain and index mapping of reductions over axes.
#include "AxisReduction.h"

namespace webnnc::halide {
using namespace Halide;

AxisReduction::AxisReduction(const Value &input,
                             const std::vector<int64_t> &axes)
    : reduced_(input.type.shape.size(), false),
      domainDim_(input.type.shape.size(), -1) {
  const spec::Shape &shape = input.type.shape;
  for (int64_t axis : axes)
    reduced_[axis] = true;
  // Halide's first RDom dimension is innermost: list the reduced axes from
  // the last WebNN dimension to the first.
  Region region;
  for (size_t d = shape.size(); d-- > 0;)
    if (reduced_[d]) {
      domainDim_[d] = int(region.size());
      region.push_back(Range(0, input.extent(d)));
      count_ = count_ * input.extent(d);
    }
  if (region.empty())
    region.push_back(Range(0, 1)); // reduce nothing: one pass per element
  domain_ = RDom(region, "r");
}

std::vector<Expr> AxisReduction::inputIndex(const std::vector<Expr> &kept) const {
  std::vector<Expr> in = kept;
  for (size_t d = 0; d < in.size(); ++d)
    if (reduced_[d])
      in[d] = domain_[domainDim_[d]];
  return in;
}

std::vector<Expr> AxisReduction::keptIndex(const std::vector<Expr> &out,
                                           bool keepDimensions) const {
  if (keepDimensions)
    return out;
  std::vector<Expr> kept;
  size_t next = 0;
  for (size_t d = 0; d < reduced_.size(); ++d)
    kept.push_back(reduced_[d] ? Expr(0) : out[next++]);
  return kept;
}

std::vector<Expr> AxisReduction::outputOpenExtents(const Value &input,
                                                   bool keepDimensions) const {
  std::vector<Expr> extents;
  for (size_t d = 0; d < reduced_.size(); ++d) {
    if (!reduced_[d])
      extents.push_back(d < input.openExtents.size() ? input.openExtents[d]
                                                     : Expr());
    else if (keepDimensions)
      extents.push_back(Expr());
  }
  return extents;
}

void scheduleReduction(Func f, const spec::Shape &outShape, int64_t work,
                       const Target &target) {
  f.compute_root();
  std::vector<Var> vars = f.args();
  if (vars.empty())
    return;
  Type t = f.output_types().front();
  int vw = vectorWidth(target, t, outShape.empty() ? 1 : extentOf(outShape, 0));
  if (vw >= 4) {
    f.vectorize(vars[0], vw, TailStrategy::GuardWithIf);
    for (int u = 0; u < f.num_update_definitions(); ++u)
      f.update(u).vectorize(vars[0], vw, TailStrategy::GuardWithIf);
  }
  if (vars.size() > 1 && worthParallel(work)) {
    f.parallel(vars.back());
    for (int u = 0; u < f.num_update_definitions(); ++u)
      f.update(u).parallel(vars.back());
  }
}

void reduceInSixteenLanes(Func f, RVar r) {
  RVar ro("ro"), ri("ri");
  Var lane("lane");
  Func partial = f.update()
                     .split(r, ro, ri, 16, TailStrategy::GuardWithIf)
                     .rfactor(ri, lane);
  std::vector<Var> vars = f.args();
  partial.compute_at(f, vars.empty() ? Var::outermost() : vars.front())
      .vectorize(lane);
  partial.update().vectorize(lane);
}

} // namespace webnnc::halide
