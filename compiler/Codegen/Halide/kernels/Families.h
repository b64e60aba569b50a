// SPDX-License-Identifier: Apache-2.0
// One entry point per kernel family: each defines its op's Func (the
// algorithm) and returns the schedule to use when the op anchors a kernel.
#ifndef WEBNNC_CODEGEN_HALIDE_KERNELS_FAMILIES_H_
#define WEBNNC_CODEGEN_HALIDE_KERNELS_FAMILIES_H_

#include <optional>
#include <string>

#include "../Common.h"

namespace webnnc::halide {

// Each returns std::nullopt if |op.kind| is not in its family; throws
// std::runtime_error for a malformed op of its family.
std::optional<Defined> defineElementwise(const kernels::OpSpec &op,
                                         const std::vector<Value> &operands);
std::optional<Defined> defineConv2d(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands);
std::optional<Defined>
defineWinogradConv2d(const kernels::OpSpec &op,
                     const std::vector<Value> &operands);
std::optional<Defined> definePool2d(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands);
std::optional<Defined> defineMatmul(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands);
std::optional<Defined> defineConvTranspose2d(const kernels::OpSpec &op,
                                             const std::vector<Value> &operands);
std::optional<Defined> defineResample2d(const kernels::OpSpec &op,
                                        const std::vector<Value> &operands);
std::optional<Defined> defineDataMovement(const kernels::OpSpec &op,
                                          const std::vector<Value> &operands);
std::optional<Defined> defineReduction(const kernels::OpSpec &op,
                                       const std::vector<Value> &operands);
std::optional<Defined> defineNormalization(const kernels::OpSpec &op,
                                           const std::vector<Value> &operands);
std::optional<Defined> defineGather(const kernels::OpSpec &op,
                                    const std::vector<Value> &operands);
std::optional<Defined> defineQuantize(const kernels::OpSpec &op,
                                      const std::vector<Value> &operands);
std::optional<Defined>
defineQuantizedConv2d(const kernels::OpSpec &op,
                      const std::vector<Value> &operands);
std::optional<Defined> defineQuantizedAdd(const kernels::OpSpec &op,
                                          const std::vector<Value> &operands);
std::optional<Defined> defineRecurrence(const kernels::OpSpec &op,
                                        const std::vector<Value> &operands);

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_KERNELS_FAMILIES_H_
