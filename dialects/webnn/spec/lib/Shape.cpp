// SPDX-License-Identifier: Apache-2.0
// reshape, transpose and softmax.
#include <numeric>

#include "Common.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::spec {
using namespace detail;

Expected<OperandDescriptor> reshape(const OperandDescriptor &input,
                                    const Shape &newShape) {
  OperandDescriptor out{input.dataType, newShape};
  WEBNNC_SPEC_CHECK(checkDescriptor(out, "newShape"));
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

Expected<OperandDescriptor> softmax(const OperandDescriptor &input,
                                    int64_t axis) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kFloatTypes));
  if (axis < 0 || axis >= int64_t(input.rank()))
    return makeError("axis", "must be in [0, " + std::to_string(input.rank()) +
                                 "), got " + std::to_string(axis));
  return input;
}

} // namespace webnnc::spec
