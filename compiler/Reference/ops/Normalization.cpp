// SPDX-License-Identifier: Apache-2.0
// Reference semantics of batch, instance and layer normalization.
#include <cmath>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;

namespace {

// Normalizes every group of elements that share the coordinates outside
// |axes|: (x - mean) / sqrt(variance + epsilon), then scale and bias,
// which |param| reads for an element's coordinates.
RefTensor normalize(const RefTensor &in, const std::vector<int64_t> &axes,
                    double epsilon,
                    const std::function<std::pair<double, double>(
                        const std::vector<int64_t> &)> &param) {
  std::vector<bool> reduced(in.shape.size(), false);
  for (int64_t axis : axes)
    reduced[axis] = true;
  // Group key: the shape with reduced axes collapsed to 1.
  spec::Shape groupShape = in.shape;
  for (size_t d = 0; d < groupShape.size(); ++d)
    if (reduced[d])
      groupShape[d] = 1;
  auto groupOf = [&](const std::vector<int64_t> &index) {
    return broadcastOffset(index, groupShape);
  };
  size_t groups = static_cast<size_t>(spec::elementCount(groupShape));
  std::vector<double> sum(groups, 0), sumSquares(groups, 0);
  std::vector<int64_t> count(groups, 0);
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    sum[groupOf(index)] += in.f[k];
    count[groupOf(index)] += 1;
  });
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    size_t group = groupOf(index);
    double d = in.f[k] - sum[group] / double(count[group]);
    sumSquares[group] += d * d;
  });
  RefTensor out(in.type, in.shape);
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    size_t group = groupOf(index);
    double mean = sum[group] / double(count[group]);
    double variance = sumSquares[group] / double(count[group]);
    auto [scale, bias] = param(index);
    out.f[k] = scale * (in.f[k] - mean) / std::sqrt(variance + epsilon) + bias;
  });
  out.roundToType();
  return out;
}

OpResult batchNormalization(webnn::BatchNormalizationOp op,
                            const Operands &operands) {
  const RefTensor &in = *operands[0], &mean = *operands[1],
                  &variance = *operands[2];
  spec::BatchNormalizationOptions options =
      webnn::optionsOf<spec::BatchNormalizationOptions>(op);
  size_t next = 3;
  const RefTensor *scale = options.scale ? operands[next++] : nullptr;
  const RefTensor *bias = options.bias ? operands[next++] : nullptr;
  RefTensor out(in.type, in.shape);
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    int64_t c = index[options.axis];
    double v = (in.f[k] - mean.f[c]) /
               std::sqrt(variance.f[c] + options.epsilon);
    out.f[k] = v * (scale ? scale->f[c] : 1.0) + (bias ? bias->f[c] : 0.0);
  });
  out.roundToType();
  return out;
}

OpResult instanceNormalization(webnn::InstanceNormalizationOp op,
                               const Operands &operands) {
  const RefTensor &in = *operands[0];
  spec::InstanceNormalizationOptions options =
      webnn::optionsOf<spec::InstanceNormalizationOptions>(op);
  size_t next = 1;
  const RefTensor *scale = options.scale ? operands[next++] : nullptr;
  const RefTensor *bias = options.bias ? operands[next++] : nullptr;
  bool nchw = options.layout == spec::InputOperandLayout::Nchw;
  int64_t channelAxis = nchw ? 1 : 3;
  std::vector<int64_t> spatial = nchw ? std::vector<int64_t>{2, 3}
                                      : std::vector<int64_t>{1, 2};
  return normalize(in, spatial, options.epsilon,
                   [&](const std::vector<int64_t> &index) {
                     int64_t c = index[channelAxis];
                     return std::pair{scale ? scale->f[c] : 1.0,
                                      bias ? bias->f[c] : 0.0};
                   });
}

OpResult layerNormalization(webnn::LayerNormalizationOp op,
                            const Operands &operands) {
  const RefTensor &in = *operands[0];
  spec::LayerNormalizationOptions options =
      webnn::optionsOf<spec::LayerNormalizationOptions>(op);
  size_t next = 1;
  const RefTensor *scale = options.scale ? operands[next++] : nullptr;
  const RefTensor *bias = options.bias ? operands[next++] : nullptr;
  std::vector<int64_t> axes =
      spec::resolveLayerNormalizationAxes(descriptorOf(op.getInput()),
                                          options.axes);
  // scale and bias are indexed by the normalized coordinates, in axes order.
  spec::Shape paramShape;
  for (int64_t axis : axes)
    paramShape.push_back(in.shape[axis]);
  return normalize(in, axes, options.epsilon,
                   [&](const std::vector<int64_t> &index) {
                     std::vector<int64_t> at;
                     for (int64_t axis : axes)
                       at.push_back(index[axis]);
                     size_t offset = offsetOf(at, paramShape);
                     return std::pair{scale ? scale->f[offset] : 1.0,
                                      bias ? bias->f[offset] : 0.0};
                   });
}

} // namespace

std::optional<OpResult> evaluateNormalization(Operation *op,
                                              const Operands &operands) {
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::BatchNormalizationOp bn) {
        return batchNormalization(bn, operands);
      })
      .Case([&](webnn::InstanceNormalizationOp in) {
        return instanceNormalization(in, operands);
      })
      .Case([&](webnn::LayerNormalizationOp ln) {
        return layerNormalization(ln, operands);
      })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
