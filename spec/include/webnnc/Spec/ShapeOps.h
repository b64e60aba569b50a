// SPDX-License-Identifier: Apache-2.0
// Operations that move or copy elements: reshape, transpose, concat,
// expand, pad, reverse, slice, split, tile and triangular.
#ifndef WEBNNC_SPEC_SHAPEOPS_H_
#define WEBNNC_SPEC_SHAPEOPS_H_

#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

Expected<OperandDescriptor> reshape(const OperandDescriptor &input,
                                    const Shape &newShape);

// The permutation transpose applies: the given one, or reversed axes.
std::vector<int64_t> resolvePermutation(const OperandDescriptor &input,
                                        const TransposeOptions &options);
Expected<OperandDescriptor> transpose(const OperandDescriptor &input,
                                      const TransposeOptions &options);

Expected<OperandDescriptor>
concat(const std::vector<OperandDescriptor> &inputs, int64_t axis);

Expected<OperandDescriptor> expand(const OperandDescriptor &input,
                                   const Shape &newShape);

Expected<OperandDescriptor> pad(const OperandDescriptor &input,
                                const std::vector<int64_t> &beginningPadding,
                                const std::vector<int64_t> &endingPadding,
                                const PadOptions &options);

// The axes reverse reverses: the given ones, or every axis.
std::vector<int64_t> resolveReverseAxes(const OperandDescriptor &input,
                                        const ReverseOptions &options);
Expected<OperandDescriptor> reverse(const OperandDescriptor &input,
                                    const ReverseOptions &options);

Expected<OperandDescriptor> slice(const OperandDescriptor &input,
                                  const std::vector<int64_t> &starts,
                                  const std::vector<int64_t> &sizes,
                                  const SliceOptions &options);

// split: |splits| is either one count (equal parts) or the part sizes.
// Returns one descriptor per part.
Expected<std::vector<OperandDescriptor>>
split(const OperandDescriptor &input, const std::vector<int64_t> &splits,
      bool isCount, const SplitOptions &options);

Expected<OperandDescriptor> tile(const OperandDescriptor &input,
                                 const std::vector<int64_t> &repetitions);

Expected<OperandDescriptor> triangular(const OperandDescriptor &input,
                                       const TriangularOptions &options);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_SHAPEOPS_H_
