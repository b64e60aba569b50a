// SPDX-License-Identifier: Apache-2.0
// Reductions, argMin/argMax, cumulativeSum and softmax.
#ifndef WEBNNC_SPEC_REDUCTIONOPS_H_
#define WEBNNC_SPEC_REDUCTIONOPS_H_

#include <string_view>
#include <vector>

#include "webnnc/Spec/Operand.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

enum class ReduceKind {
  L1, L2, LogSum, LogSumExp, Max, Mean, Min, Product, Sum, SumSquare,
};
std::string_view toString(ReduceKind kind); // "reduceL1", ...
DataTypeSet allowedDataTypes(ReduceKind kind);
// The axes a reduction reduces: the given ones, or every axis.
std::vector<int64_t> resolveReduceAxes(const OperandDescriptor &input,
                                       const ReduceOptions &options);
Expected<OperandDescriptor> reduce(ReduceKind kind,
                                   const OperandDescriptor &input,
                                   const ReduceOptions &options);

// argMin and argMax.
Expected<OperandDescriptor> argMinMax(const OperandDescriptor &input,
                                      int64_t axis,
                                      const ArgMinMaxOptions &options);

Expected<OperandDescriptor> cumulativeSum(const OperandDescriptor &input,
                                          int64_t axis);

Expected<OperandDescriptor> softmax(const OperandDescriptor &input,
                                    int64_t axis);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_REDUCTIONOPS_H_
