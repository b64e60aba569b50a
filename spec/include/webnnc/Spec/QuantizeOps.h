// SPDX-License-Identifier: Apache-2.0
// quantizeLinear and dequantizeLinear (blockwise scale and zero point).
#ifndef WEBNNC_SPEC_QUANTIZEOPS_H_
#define WEBNNC_SPEC_QUANTIZEOPS_H_

#include "webnnc/Spec/Operand.h"

namespace webnnc::spec {

Expected<OperandDescriptor> quantizeLinear(const OperandDescriptor &input,
                                           const OperandDescriptor &scale,
                                           const OperandDescriptor &zeroPoint);
Expected<OperandDescriptor>
dequantizeLinear(const OperandDescriptor &input,
                 const OperandDescriptor &scale,
                 const OperandDescriptor &zeroPoint);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_QUANTIZEOPS_H_
