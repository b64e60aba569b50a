// SPDX-License-Identifier: Apache-2.0
// The CPU a model is compiled for, in Halide's and LLVM's terms.
#ifndef WEBNNC_DRIVER_TARGET_H_
#define WEBNNC_DRIVER_TARGET_H_

#include <string>

#include "webnnc/Support/Expected.h"

namespace webnnc {

struct TargetInfo {
  std::string name;         // as given: host, x86-64-v3, x86-64-v4
  std::string halideTarget; // e.g. x86-64-linux-avx2-...-user_context
  std::string llvmCpu;      // e.g. x86-64-v3
  std::string llvmFeatures; // "" for the CPU's defaults
  int floatLanes = 8;       // float32 lanes of the widest vectors kernels use
};

// Resolves `--target`: host (this machine's features), x86-64-v3 (AVX2,
// FMA) or x86-64-v4 (adds AVX-512). |checkedKernels| keeps Halide's
// assertions in the kernels (see CompileOptions::checkedKernels).
Expected<TargetInfo, std::string> resolveTarget(const std::string &name,
                                                bool checkedKernels = false);

} // namespace webnnc

#endif // WEBNNC_DRIVER_TARGET_H_
