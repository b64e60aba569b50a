// SPDX-License-Identifier: Apache-2.0
// gather, gatherElements, gatherND, scatterElements and scatterND.
// Out-of-range indices are clamped at compute time (the spec lets
// implementations choose); negative indices count from the end.
#ifndef WEBNNC_SPEC_GATHEROPS_H_
#define WEBNNC_SPEC_GATHEROPS_H_

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

// int32, uint32, int64: the allowed index types.
extern const DataTypeSet kIndexTypes;

Expected<OperandDescriptor> gather(const OperandDescriptor &input,
                                   const OperandDescriptor &indices,
                                   const GatherOptions &options);
Expected<OperandDescriptor> gatherElements(const OperandDescriptor &input,
                                           const OperandDescriptor &indices,
                                           const GatherOptions &options);
Expected<OperandDescriptor> gatherND(const OperandDescriptor &input,
                                     const OperandDescriptor &indices);
Expected<OperandDescriptor> scatterElements(const OperandDescriptor &input,
                                            const OperandDescriptor &indices,
                                            const OperandDescriptor &updates,
                                            const ScatterOptions &options);
Expected<OperandDescriptor> scatterND(const OperandDescriptor &input,
                                      const OperandDescriptor &indices,
                                      const OperandDescriptor &updates);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_GATHEROPS_H_
