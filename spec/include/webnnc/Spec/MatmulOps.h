// SPDX-License-Identifier: Apache-2.0
// Matrix multiplication.
#ifndef WEBNNC_SPEC_MATMULOPS_H_
#define WEBNNC_SPEC_MATMULOPS_H_

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

using GemmOptions = GemmOptionsT<OperandDescriptor>;

// Batched matrix product; batch dimensions broadcast bidirectionally.
Expected<OperandDescriptor> matmul(const OperandDescriptor &a,
                                   const OperandDescriptor &b);
Expected<OperandDescriptor> gemm(const OperandDescriptor &a,
                                 const OperandDescriptor &b,
                                 const GemmOptions &options);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_MATMULOPS_H_
