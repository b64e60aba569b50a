// SPDX-License-Identifier: Apache-2.0
// Reference semantics of gather, scatter, quantizeLinear and
// dequantizeLinear.
#include <cmath>

#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;

namespace {

// An index into a dimension of |size|: negative counts from the end, and
// out-of-range values clamp to the nearest valid index.
int64_t resolveIndex(const RefTensor &indices, size_t at, int64_t size) {
  int64_t i = indices.i[at];
  if (indices.type == spec::DataType::Uint32 ||
      indices.type == spec::DataType::Uint64)
    return std::min<uint64_t>(uint64_t(i), uint64_t(size - 1));
  if (i < 0)
    i += size;
  return std::clamp<int64_t>(i, 0, size - 1);
}

OpResult gather(webnn::GatherOp op, const RefTensor &in,
                const RefTensor &indices) {
  int64_t axis = webnn::optionsOf<spec::GatherOptions>(op).axis;
  RefTensor out(in.type, shapeOf(op.getResult()));
  size_t indexRank = indices.shape.size();
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    // out[before..., idx..., after...] = in[before..., indices[idx], after...]
    std::vector<int64_t> idx(index.begin() + axis,
                             index.begin() + axis + indexRank);
    std::vector<int64_t> from(index.begin(), index.begin() + axis);
    from.push_back(resolveIndex(indices, offsetOf(idx, indices.shape),
                                in.shape[axis]));
    from.insert(from.end(), index.begin() + axis + indexRank, index.end());
    out.copyFrom(k, in, offsetOf(from, in.shape));
  });
  return out;
}

OpResult gatherElements(webnn::GatherElementsOp op, const RefTensor &in,
                        const RefTensor &indices) {
  int64_t axis = webnn::optionsOf<spec::GatherOptions>(op).axis;
  RefTensor out(in.type, indices.shape);
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> from = index;
    from[axis] = resolveIndex(indices, k, in.shape[axis]);
    out.copyFrom(k, in, offsetOf(from, in.shape));
  });
  return out;
}

// The input coordinates the index tuple at |tuple| (the first indices
// dimensions) addresses, followed by |rest|.
std::vector<int64_t> ndSource(const RefTensor &in, const RefTensor &indices,
                              size_t tuple, const std::vector<int64_t> &rest) {
  int64_t k = indices.shape.back();
  std::vector<int64_t> from;
  for (int64_t j = 0; j < k; ++j)
    from.push_back(resolveIndex(indices, tuple * k + j, in.shape[j]));
  from.insert(from.end(), rest.begin(), rest.end());
  return from;
}

OpResult gatherND(webnn::GatherNDOp op, const RefTensor &in,
                  const RefTensor &indices) {
  RefTensor out(in.type, shapeOf(op.getResult()));
  size_t batchRank = indices.shape.size() - 1;
  spec::Shape batchShape(indices.shape.begin(), indices.shape.end() - 1);
  forEachIndex(out.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> batch(index.begin(), index.begin() + batchRank);
    std::vector<int64_t> rest(index.begin() + batchRank, index.end());
    out.copyFrom(k, in,
                 offsetOf(ndSource(in, indices, offsetOf(batch, batchShape),
                                   rest),
                          in.shape));
  });
  return out;
}

// Scatters write in the updates' row-major order; the last write wins.
OpResult scatterElements(webnn::ScatterElementsOp op, const Operands &operands) {
  const RefTensor &in = *operands[0], &indices = *operands[1],
                  &updates = *operands[2];
  int64_t axis = webnn::optionsOf<spec::GatherOptions>(op).axis;
  RefTensor out = in;
  forEachIndex(updates.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> to = index;
    to[axis] = resolveIndex(indices, k, in.shape[axis]);
    out.copyFrom(offsetOf(to, in.shape), updates, k);
  });
  return out;
}

OpResult scatterND(const Operands &operands) {
  const RefTensor &in = *operands[0], &indices = *operands[1],
                  &updates = *operands[2];
  RefTensor out = in;
  size_t batchRank = indices.shape.size() - 1;
  spec::Shape batchShape(indices.shape.begin(), indices.shape.end() - 1);
  forEachIndex(updates.shape, [&](const std::vector<int64_t> &index, size_t k) {
    std::vector<int64_t> batch(index.begin(), index.begin() + batchRank);
    std::vector<int64_t> rest(index.begin() + batchRank, index.end());
    out.copyFrom(offsetOf(ndSource(in, indices, offsetOf(batch, batchShape),
                                   rest),
                          in.shape),
                 updates, k);
  });
  return out;
}

// The scale/zero-point element covering input element |index| (blockwise
// broadcasting: each scale element covers a block of the input).
size_t blockOffset(const std::vector<int64_t> &index, const spec::Shape &input,
                   const spec::Shape &scale) {
  // A lower-rank scale aligns to the input's trailing dimensions.
  size_t skip = input.size() - scale.size();
  std::vector<int64_t> at(scale.size());
  for (size_t d = 0; d < scale.size(); ++d)
    at[d] = index[skip + d] / (input[skip + d] / scale[d]);
  return offsetOf(at, scale);
}

OpResult quantizeLinear(webnn::QuantizeLinearOp op, const Operands &operands) {
  const RefTensor &in = *operands[0], &scale = *operands[1],
                  &zeroPoint = *operands[2];
  RefTensor out(zeroPoint.type, shapeOf(op.getResult()));
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    size_t b = blockOffset(index, in.shape, scale.shape);
    // The quotient in float32 precision, as a float32 kernel divides;
    // rounding then ties to even.
    double quotient = roundTo(spec::DataType::Float32, in.f[k] / scale.f[b]);
    double q = std::nearbyint(quotient) + double(zeroPoint.i[b]);
    out.i[k] = castToInteger(out.type, q); // saturates
  });
  return out;
}

OpResult dequantizeLinear(webnn::DequantizeLinearOp op,
                          const Operands &operands) {
  const RefTensor &in = *operands[0], &scale = *operands[1],
                  &zeroPoint = *operands[2];
  RefTensor out(scale.type, shapeOf(op.getResult()));
  bool isUnsigned = !spec::isSigned(in.type);
  auto value = [&](const RefTensor &t, size_t at) {
    return isUnsigned ? double(uint64_t(t.i[at])) : double(t.i[at]);
  };
  forEachIndex(in.shape, [&](const std::vector<int64_t> &index, size_t k) {
    size_t b = blockOffset(index, in.shape, scale.shape);
    out.f[k] = (value(in, k) - value(zeroPoint, b)) * scale.f[b];
  });
  out.roundToType();
  return out;
}

} // namespace

std::optional<OpResult> evaluateGather(Operation *op,
                                       const Operands &operands) {
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::GatherOp g) {
        return gather(g, *operands[0], *operands[1]);
      })
      .Case([&](webnn::GatherElementsOp g) {
        return gatherElements(g, *operands[0], *operands[1]);
      })
      .Case([&](webnn::GatherNDOp g) {
        return gatherND(g, *operands[0], *operands[1]);
      })
      .Case([&](webnn::ScatterElementsOp s) {
        return scatterElements(s, operands);
      })
      .Case([&](webnn::ScatterNDOp) { return scatterND(operands); })
      .Case([&](webnn::QuantizeLinearOp q) {
        return quantizeLinear(q, operands);
      })
      .Case([&](webnn::DequantizeLinearOp d) {
        return dequantizeLinear(d, operands);
      })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
