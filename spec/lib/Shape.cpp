// SPDX-License-Identifier: Apache-2.0
// reshape, transpose, concat, expand, pad, reverse, slice, split, tile and
// triangular.
#include <numeric>

#include "Common.h"
#include "webnnc/Spec/Broadcast.h"
#include "webnnc/Spec/ShapeOps.h"

namespace webnnc::spec {
using namespace detail;

Expected<OperandDescriptor> reshape(const OperandDescriptor &input,
                                    const Shape &newShape) {
  OperandDescriptor out{input.dataType, newShape};
  // Open sizes (given as expressions, see DimExpr.h) are checked at
  // compute, the element count with them.
  WEBNNC_SPEC_CHECK(checkDescriptor(out, "newShape", /*allowOpen=*/true));
  if (hasOpenDims(newShape) || hasOpenDims(input.shape))
    return out;
  if (elementCount(newShape) != elementCount(input.shape))
    return makeError("newShape",
                     "element count of " + toString(newShape) + " (" +
                         std::to_string(elementCount(newShape)) +
                         ") must equal the input's (" +
                         std::to_string(elementCount(input.shape)) + ")");
  return out;
}

std::vector<int64_t> resolvePermutation(const OperandDescriptor &input,
                                        const TransposeOptions &options) {
  if (!options.permutation.empty() || input.rank() == 0)
    return options.permutation;
  std::vector<int64_t> reversed(input.rank());
  std::iota(reversed.rbegin(), reversed.rend(), 0);
  return reversed;
}

Expected<OperandDescriptor> transpose(const OperandDescriptor &input,
                                      const TransposeOptions &options) {
  std::vector<int64_t> perm = resolvePermutation(input, options);
  if (perm.size() != input.rank())
    return makeError("permutation", "must have " +
                                        std::to_string(input.rank()) +
                                        " values (the input's rank), got " +
                                        std::to_string(perm.size()));
  std::vector<bool> seen(perm.size(), false);
  Shape out(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    if (perm[i] < 0 || perm[i] >= int64_t(perm.size()))
      return makeError("permutation",
                       "value " + std::to_string(perm[i]) +
                           " is out of range [0, " +
                           std::to_string(perm.size()) + ")");
    if (seen[perm[i]])
      return makeError("permutation",
                       "value " + std::to_string(perm[i]) + " is repeated");
    seen[perm[i]] = true;
    out[i] = input.shape[perm[i]];
  }
  return OperandDescriptor{input.dataType, out};
}

Expected<OperandDescriptor>
concat(const std::vector<OperandDescriptor> &inputs, int64_t axis) {
  if (inputs.empty())
    return makeError("inputs", "must not be empty");
  if (int64_t(inputs.size()) > kMaxTensorCount)
    return makeError("inputs", "must be at most " +
                                   std::to_string(kMaxTensorCount) +
                                   " tensors, got " +
                                   std::to_string(inputs.size()));
  const OperandDescriptor &first = inputs.front();
  WEBNNC_SPEC_CHECK(checkAxis(axis, first.rank()));
  Shape out = first.shape;
  for (size_t i = 1; i < inputs.size(); ++i) {
    std::string name = "inputs[" + std::to_string(i) + "]";
    WEBNNC_SPEC_CHECK(checkSameType(inputs[i], name, first, "inputs[0]"));
    WEBNNC_SPEC_CHECK(checkRank(inputs[i], name, first.rank()));
    for (size_t d = 0; d < first.rank(); ++d)
      if (int64_t(d) != axis && inputs[i].shape[d] != first.shape[d] &&
          !isOpen(inputs[i].shape[d]) && !isOpen(first.shape[d]))
        return makeError(name, "shape " + toString(inputs[i].shape) +
                                   " must match inputs[0]'s " +
                                   toString(first.shape) +
                                   " except along the axis");
    // Open sizes are checked, and the open axis summed, at compute.
    for (size_t d = 0; d < first.rank(); ++d)
      if (int64_t(d) != axis && isOpen(out[d]))
        out[d] = inputs[i].shape[d];
    out[axis] = isOpen(out[axis]) || isOpen(inputs[i].shape[axis])
                    ? kOpenDim
                    : out[axis] + inputs[i].shape[axis];
  }
  OperandDescriptor desc{first.dataType, out};
  WEBNNC_SPEC_CHECK(checkOutput(desc));
  return desc;
}

Expected<OperandDescriptor> expand(const OperandDescriptor &input,
                                   const Shape &newShape) {
  OperandDescriptor out{input.dataType, newShape};
  WEBNNC_SPEC_CHECK(checkDescriptor(out, "newShape", /*allowOpen=*/true));
  if (!isUnidirectionallyBroadcastable(input.shape, newShape))
    return makeError("newShape", "input shape " + toString(input.shape) +
                                     " is not broadcastable to " +
                                     toString(newShape));
  return out;
}

Expected<OperandDescriptor> pad(const OperandDescriptor &input,
                                const std::vector<int64_t> &beginningPadding,
                                const std::vector<int64_t> &endingPadding,
                                const PadOptions &options) {
  WEBNNC_SPEC_CHECK(checkMinRank(input, "input", 1));
  size_t rank = input.rank();
  for (auto [values, name] : {std::pair{&beginningPadding, "beginningPadding"},
                              std::pair{&endingPadding, "endingPadding"}}) {
    if (values->size() != rank)
      return makeError(name, "must have " + std::to_string(rank) +
                                 " values (the input's rank), got " +
                                 std::to_string(values->size()));
    for (int64_t v : *values)
      if (v < 0 || v > kMaxDimension)
        return makeError(name, "values must be non-negative");
  }
  Shape out(rank);
  for (size_t d = 0; d < rank; ++d) {
    if (isOpen(input.shape[d])) { // its padding is checked at compute
      out[d] = kOpenDim;
      continue;
    }
    if (options.mode == PaddingMode::Reflection &&
        (beginningPadding[d] >= input.shape[d] ||
         endingPadding[d] >= input.shape[d]))
      return makeError("beginningPadding",
                       "reflection padding of dimension " + std::to_string(d) +
                           " must be smaller than its size (" +
                           std::to_string(input.shape[d]) + ")");
    out[d] = input.shape[d] + beginningPadding[d] + endingPadding[d];
  }
  OperandDescriptor desc{input.dataType, out};
  WEBNNC_SPEC_CHECK(checkOutput(desc));
  return desc;
}

std::vector<int64_t> resolveReverseAxes(const OperandDescriptor &input,
                                        const ReverseOptions &options) {
  if (options.axes)
    return *options.axes;
  std::vector<int64_t> all(input.rank());
  std::iota(all.begin(), all.end(), 0);
  return all;
}

Expected<OperandDescriptor> reverse(const OperandDescriptor &input,
                                    const ReverseOptions &options) {
  WEBNNC_SPEC_CHECK(checkAxes(resolveReverseAxes(input, options),
                              input.rank()));
  return input;
}

Expected<OperandDescriptor> slice(const OperandDescriptor &input,
                                  const std::vector<int64_t> &starts,
                                  const std::vector<int64_t> &sizes,
                                  const SliceOptions &options) {
  size_t rank = input.rank();
  auto checkCount = [&](const std::vector<int64_t> &values,
                        const char *name) -> std::optional<Error> {
    if (values.size() == rank)
      return std::nullopt;
    return makeError(name, "must have " + std::to_string(rank) +
                               " values (the input's rank), got " +
                               std::to_string(values.size()));
  };
  WEBNNC_SPEC_CHECK(checkCount(starts, "starts"));
  WEBNNC_SPEC_CHECK(checkCount(sizes, "sizes"));
  if (!options.strides.empty())
    WEBNNC_SPEC_CHECK(checkCount(options.strides, "strides"));
  Shape out(rank);
  for (size_t d = 0; d < rank; ++d) {
    int64_t stride = options.strides.empty() ? 1 : options.strides[d];
    if (stride < 1)
      return makeError("strides", "values must be greater than 0");
    // An open size (kOpenDim) is given as an expression or runs to the
    // end of the dimension; it and open input sizes are checked at
    // compute.
    if (isOpen(sizes[d]) || isOpen(input.shape[d])) {
      if (starts[d] < 0)
        return makeError("starts", "values must be non-negative");
      out[d] = isOpen(sizes[d]) ? kOpenDim : 1 + (sizes[d] - 1) / stride;
      continue;
    }
    if (sizes[d] < 1)
      return makeError("sizes", "values must be greater than 0");
    if (starts[d] < 0 || starts[d] >= input.shape[d] ||
        sizes[d] > input.shape[d] - starts[d])
      return makeError("sizes",
                       "slice [" + std::to_string(starts[d]) + ", " +
                           std::to_string(starts[d]) + "+" +
                           std::to_string(sizes[d]) + ") of dimension " +
                           std::to_string(d) + " exceeds its size " +
                           std::to_string(input.shape[d]));
    out[d] = 1 + (sizes[d] - 1) / stride; // ceil, without overflow for
                                          // any stride (fuzz_graph_builder)
  }
  return OperandDescriptor{input.dataType, out};
}

Expected<std::vector<OperandDescriptor>>
split(const OperandDescriptor &input, const std::vector<int64_t> &splits,
      bool isCount, const SplitOptions &options) {
  WEBNNC_SPEC_CHECK(checkAxis(options.axis, input.rank()));
  int64_t extent = input.shape[options.axis];
  if (isOpen(extent))
    return makeOpenDimsError("input",
                             "its dimension " + std::to_string(options.axis) +
                                 " (the split axis) is open; split needs "
                                 "that size at build time");
  int64_t parts = isCount ? (splits.empty() ? 0 : splits.front())
                         : int64_t(splits.size());
  if (parts > kMaxTensorCount)
    return makeError("splits", "must make at most " +
                                   std::to_string(kMaxTensorCount) +
                                   " outputs, got " + std::to_string(parts));
  std::vector<int64_t> sizes;
  if (isCount) {
    int64_t count = splits.empty() ? 0 : splits.front();
    if (count <= 0)
      return makeError("splits", "count must be greater than 0");
    if (extent % count != 0)
      return makeError("splits", "count " + std::to_string(count) +
                                     " must divide the axis' size " +
                                     std::to_string(extent));
    sizes.assign(count, extent / count);
  } else {
    if (splits.empty())
      return makeError("splits", "must not be empty");
    int64_t sum = 0;
    for (int64_t size : splits) {
      if (size <= 0)
        return makeError("splits", "sizes must be greater than 0");
      if (__builtin_add_overflow(sum, size, &sum))
        return makeError("splits", "sizes must add up to the axis' size " +
                                       std::to_string(extent) +
                                       ", their sum overflows");
    }
    if (sum != extent)
      return makeError("splits", "sizes must add up to the axis' size " +
                                     std::to_string(extent) + ", got " +
                                     std::to_string(sum));
    sizes = splits;
  }
  std::vector<OperandDescriptor> outputs;
  for (int64_t size : sizes) {
    OperandDescriptor out = input;
    out.shape[options.axis] = size;
    outputs.push_back(out);
  }
  return outputs;
}

Expected<OperandDescriptor> tile(const OperandDescriptor &input,
                                 const std::vector<int64_t> &repetitions) {
  if (repetitions.size() != input.rank())
    return makeError("repetitions",
                     "must have " + std::to_string(input.rank()) +
                         " values (the input's rank), got " +
                         std::to_string(repetitions.size()));
  Shape out(input.rank());
  for (size_t d = 0; d < input.rank(); ++d) {
    if (repetitions[d] < 1 || repetitions[d] > kMaxDimension)
      return makeError("repetitions", "values must be greater than 0");
    out[d] = isOpen(input.shape[d]) ? kOpenDim
                                    : input.shape[d] * repetitions[d];
  }
  OperandDescriptor desc{input.dataType, out};
  WEBNNC_SPEC_CHECK(checkOutput(desc));
  return desc;
}

Expected<OperandDescriptor> triangular(const OperandDescriptor &input,
                                       const TriangularOptions &) {
  WEBNNC_SPEC_CHECK(checkMinRank(input, "input", 2));
  return input;
}

} // namespace webnnc::spec
