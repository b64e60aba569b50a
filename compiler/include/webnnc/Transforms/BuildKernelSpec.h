// SPDX-License-Identifier: Apache-2.0
// Describing an outlined kernel function as a KernelSpec.
#ifndef WEBNNC_TRANSFORMS_BUILDKERNELSPEC_H_
#define WEBNNC_TRANSFORMS_BUILDKERNELSPEC_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "webnnc/KernelSpec/KernelSpec.h"

namespace webnnc {

// The KernelSpec of |kernel| (a `webnn.kernel` function): its arguments are
// the inputs, its ops the spec's ops with their attributes, its results
// the outputs. Emits an error on |kernel| and fails for what kernels cannot
// hold (non-splat constants inside, unknown attribute kinds).
mlir::FailureOr<kernels::KernelSpec> buildKernelSpec(mlir::func::FuncOp kernel);

} // namespace webnnc

#endif // WEBNNC_TRANSFORMS_BUILDKERNELSPEC_H_
