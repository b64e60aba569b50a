// SPDX-License-Identifier: Apache-2.0
// Target resolution.
#include "webnnc/Driver/Target.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/TargetParser/Host.h"

namespace webnnc {

namespace {
// Kernels carry no Halide runtime, trust the glue's shapes, and get the
// runtime's context (thread pool, allocator) as their first argument.
// Checked kernels (a test mode) keep Halide's assertions: each buffer's
// bounds against what the kernel reads and writes, fold factors, sizes.
constexpr const char *kKernelFeatures =
    "-no_runtime-no_asserts-no_bounds_query-user_context";
constexpr const char *kCheckedKernelFeatures =
    "-no_runtime-no_bounds_query-user_context";

// The Halide target of this machine, from LLVM's reading of its CPUID.
// Halide 14's own "host" detection calls any CPU with AVX512-VNNI and
// -BF16 Sapphire Rapids and then emits AVX512-FP16 instructions, which
// AMD Zen 4 (VNNI and BF16, no FP16) does not have; so each Halide feature
// is enabled only when the CPU has every instruction set it implies.
std::string hostHalideTarget() {
  llvm::StringMap<bool> has = llvm::sys::getHostCPUFeatures();
  auto all = [&](std::initializer_list<const char *> names) {
    for (const char *n : names)
      if (!has.lookup(n))
        return false;
    return true;
  };
  std::string target = "x86-64-linux";
  if (all({"sse4.1"}))
    target += "-sse41";
  if (all({"avx"}))
    target += "-avx";
  if (all({"f16c"}))
    target += "-f16c";
  if (all({"fma"}))
    target += "-fma";
  if (all({"avx2"}))
    target += "-avx2";
  if (all({"avx512f", "avx512cd"})) {
    target += "-avx512";
    if (all({"avx512vl", "avx512bw", "avx512dq"})) {
      target += "-avx512_skylake";
      if (all({"avx512ifma", "avx512vbmi"})) {
        target += "-avx512_cannonlake";
        if (all({"avx512vnni", "avx512bf16", "avx512fp16"}))
          target += "-avx512_sapphirerapids";
      }
    }
  }
  return target;
}
} // namespace

Expected<TargetInfo, std::string> resolveTarget(const std::string &name,
                                                bool checkedKernels) {
  const char *kernelFeatures =
      checkedKernels ? kCheckedKernelFeatures : kKernelFeatures;
  TargetInfo info;
  info.name = name;
  if (name == "host") {
    info.halideTarget = hostHalideTarget() + kernelFeatures;
    info.llvmCpu = llvm::sys::getHostCPUName().str();
  } else if (name == "x86-64-v3") {
    info.halideTarget =
        std::string("x86-64-linux-sse41-avx-f16c-fma-avx2") + kernelFeatures;
    info.llvmCpu = "x86-64-v3";
  } else if (name == "x86-64-v4") {
    info.halideTarget = std::string("x86-64-linux-sse41-avx-f16c-fma-avx2-"
                                    "avx512-avx512_skylake") +
                        kernelFeatures;
    info.llvmCpu = "x86-64-v4";
  } else {
    return "unknown target '" + name +
           "' (expected host, x86-64-v3 or x86-64-v4)";
  }
  info.floatLanes =
      info.halideTarget.find("-avx512") != std::string::npos ? 16 : 8;
  return info;
}

} // namespace webnnc
