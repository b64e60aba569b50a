// SPDX-License-Identifier: Apache-2.0
// Batch, instance and layer normalization.
#ifndef WEBNNC_SPEC_NORMALIZATIONOPS_H_
#define WEBNNC_SPEC_NORMALIZATIONOPS_H_

#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

using BatchNormalizationOptions = BatchNormalizationOptionsT<OperandDescriptor>;
using InstanceNormalizationOptions =
    InstanceNormalizationOptionsT<OperandDescriptor>;
using LayerNormalizationOptions = LayerNormalizationOptionsT<OperandDescriptor>;

Expected<OperandDescriptor>
batchNormalization(const OperandDescriptor &input,
                   const OperandDescriptor &mean,
                   const OperandDescriptor &variance,
                   const BatchNormalizationOptions &options);
Expected<OperandDescriptor>
instanceNormalization(const OperandDescriptor &input,
                      const InstanceNormalizationOptions &options);
// The axes layerNormalization normalizes over: the given ones, or
// [1, rank) (none for a scalar).
std::vector<int64_t> resolveLayerNormalizationAxes(
    const OperandDescriptor &input,
    const std::optional<std::vector<int64_t>> &axes);
Expected<OperandDescriptor>
layerNormalization(const OperandDescriptor &input,
                   const LayerNormalizationOptions &options);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_NORMALIZATIONOPS_H_
