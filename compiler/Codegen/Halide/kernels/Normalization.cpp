// SPDX-License-Identifier: Apache-2.0
// batchNormalization, instanceNormalization and layerNormalization kernels.
// Means and variances accumulate in float64 (two passes, like the
// reference); the normalization itself runs in float32.
#include <stdexcept>

#include "AxisReduction.h"
#include "Families.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::halide {
using namespace Halide;
using Index = std::vector<Expr>;

namespace {

// The operands of an op with optional ones (AttrSizedOperandSegments):
// one entry per segment, std::nullopt where absent.
std::vector<std::optional<Value>> segmentsOf(const kernels::OpSpec &op,
                                             const std::vector<Value> &operands) {
  std::vector<int64_t> sizes = op.intList("operandSegmentSizes");
  std::vector<std::optional<Value>> out;
  size_t next = 0;
  for (int64_t size : sizes) {
    if (size && next < operands.size())
      out.push_back(operands[next++]);
    else
      out.push_back(std::nullopt);
  }
  return out;
}

double epsilonOf(const kernels::OpSpec &op) {
  const std::vector<double> *eps = op.floatAttr("epsilon");
  return eps && !eps->empty() ? eps->front() : 1e-5;
}

Defined batchNormalization(const kernels::OpSpec &op,
                           const std::vector<Value> &operands) {
  auto parts = segmentsOf(op, operands);
  if (parts.size() != 5 || !parts[0] || !parts[1] || !parts[2])
    throw std::runtime_error("batch_normalization needs input, mean, variance");
  int64_t axis = op.intAttr("axis", 1);
  float epsilon = float(epsilonOf(op));
  const Value &input = *parts[0];
  // In float64, rounded once: in float32 the five roundings add up to
  // more than WPT's 6 ULP where scale and bias nearly cancel.
  auto at = [](const Value &v, const Index &i) {
    return cast<double>(readAt(v, i));
  };
  return definePointwise("batch_normalization", op, [&](const Index &i) {
    Index c{i[axis]};
    Expr v = (at(input, i) - at(*parts[1], c)) /
             sqrt(at(*parts[2], c) + cast<double>(epsilon));
    if (parts[3])
      v = v * at(*parts[3], c);
    if (parts[4])
      v = v + at(*parts[4], c);
    return store(v, op.result.dataType);
  });
}

// Normalizes over |axes|: scale * (x - mean) / sqrt(variance + epsilon) +
// bias, where |paramIndex| maps an element's coordinates to scale's and
// bias' coordinates.
Defined normalize(const kernels::OpSpec &op, const Value &input,
                  const std::vector<int64_t> &axes,
                  const std::optional<Value> &scale,
                  const std::optional<Value> &bias,
                  const std::function<Index(const Index &)> &paramIndex) {
  AxisReduction reduction(input, axes);
  std::vector<Var> vars = makeVars(input.type.shape.size());
  Index at = webnnOrder(vars);
  // mean and variance are indexed by the full-rank coordinates, with the
  // normalized axes ignored (0).
  Index group = at;
  for (size_t d = 0; d < group.size(); ++d)
    if (reduction.isReduced(d))
      group[d] = 0;
  std::vector<Expr> groupArgs(group.rbegin(), group.rend());
  Index in = reduction.inputIndex(at);
  Expr n = cast<double>(reduction.count());
  Expr epsilon = Halide::Internal::make_const(Float(64), epsilonOf(op));
  Expr x = cast<double>(rawAt(input, in));

  Func mean("norm_mean"), variance("norm_variance");
  mean(vars) = cast<double>(0);
  mean(vars) += x / n;
  Expr d = x - mean(vars);
  variance(vars) = cast<double>(0);
  variance(vars) += d * d / n;

  Expr value = (readAt(input, at) - cast<float>(mean(groupArgs))) /
               cast<float>(sqrt(variance(groupArgs) + epsilon));
  if (scale)
    value = value * readAt(*scale, paramIndex(at));
  if (bias)
    value = value + readAt(*bias, paramIndex(at));
  Func result(op.kind);
  result(vars) = store(value, op.result.dataType);
  spec::Shape shape = op.result.shape;
  int64_t work = spec::elementCount(shape);
  bool innermostReduced =
      !shape.empty() && reduction.isReduced(shape.size() - 1);
  Schedule sched = [=](Func output, const Target &target,
                       const Placement &placement) mutable {
    mean.compute_root();
    variance.compute_root();
    if (isDeterministic(target) && innermostReduced) {
      reduceInSixteenLanes(mean, reduction.domain().x);
      reduceInSixteenLanes(variance, reduction.domain().x);
    }
    scheduleElementwise(output, shape, target, placement);
    (void)work;
  };
  return Defined{Value{result, op.result}, sched};
}

Defined instanceNormalization(const kernels::OpSpec &op,
                              const std::vector<Value> &operands) {
  auto parts = segmentsOf(op, operands);
  if (parts.size() != 3 || !parts[0])
    throw std::runtime_error("instance_normalization needs an input");
  bool nchw = op.intAttr("layout", 0) == 0;
  int64_t channel = nchw ? 1 : 3;
  std::vector<int64_t> spatial = nchw ? std::vector<int64_t>{2, 3}
                                      : std::vector<int64_t>{1, 2};
  return normalize(op, *parts[0], spatial, parts[1], parts[2],
                   [&](const Index &i) { return Index{i[channel]}; });
}

Defined layerNormalization(const kernels::OpSpec &op,
                           const std::vector<Value> &operands) {
  auto parts = segmentsOf(op, operands);
  if (parts.size() != 3 || !parts[0])
    throw std::runtime_error("layer_normalization needs an input");
  const Value &input = *parts[0];
  std::optional<std::vector<int64_t>> given;
  if (op.intAttr("axes"))
    given = op.intList("axes");
  std::vector<int64_t> axes = spec::resolveLayerNormalizationAxes(
      input.descriptor(), given);
  return normalize(op, input, axes, parts[1], parts[2], [&](const Index &i) {
    Index p;
    for (int64_t axis : axes)
      p.push_back(i[axis]);
    return p;
  });
}

} // namespace

std::optional<Defined> defineNormalization(const kernels::OpSpec &op,
                                           const std::vector<Value> &operands) {
  if (op.kind == "batch_normalization")
    return batchNormalization(op, operands);
  if (op.kind == "instance_normalization")
    return instanceNormalization(op, operands);
  if (op.kind == "layer_normalization")
    return layerNormalization(op, operands);
  return std::nullopt;
}

} // namespace webnnc::halide
