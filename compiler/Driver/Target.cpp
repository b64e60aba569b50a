// SPDX-License-Identifier: Apache-2.0
// Target resolution.
#include "webnnc/Driver/Target.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/TargetParser/Host.h"

namespace webnnc {

namespace {
// Kernels carry no Halide runtime, trust the glue's shapes, and get the
// runtime's context (thread pool, allocator) as their first argument.
constexpr const char *kKernelFeatures =
    "-no_runtime-no_asserts-no_bounds_query-user_context";
} // namespace

Expected<TargetInfo, std::string> resolveTarget(const std::string &name) {
  TargetInfo info;
  info.name = name;
  if (name == "host") {
    info.halideTarget = std::string("host") + kKernelFeatures;
    info.llvmCpu = llvm::sys::getHostCPUName().str();
  } else if (name == "x86-64-v3") {
    info.halideTarget =
        std::string("x86-64-linux-sse41-avx-f16c-fma-avx2") + kKernelFeatures;
    info.llvmCpu = "x86-64-v3";
  } else if (name == "x86-64-v4") {
    info.halideTarget = std::string("x86-64-linux-sse41-avx-f16c-fma-avx2-"
                                    "avx512-avx512_skylake") +
                        kKernelFeatures;
    info.llvmCpu = "x86-64-v4";
  } else {
    return "unknown target '" + name +
           "' (expected host, x86-64-v3 or x86-64-v4)";
  }
  return info;
}

} // namespace webnnc
