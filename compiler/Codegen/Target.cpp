// SPDX-License-Identifier: Apache-2.0
// Target resolution.
#include "webnnc/Codegen/Target.h"

#include "webnnc/KernelSpec/ConvTiles.h"

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
// aarch64[+feature...]: Halide's arm-64-linux with the ARMv8.2 features
// named, LLVM's generic ARMv8-A CPU with the same features.
Expected<TargetInfo, std::string> resolveAArch64(const std::string &name,
                                                 const char *kernelFeatures) {
  TargetInfo info;
  info.name = name;
  info.architecture = Architecture::AArch64;
  info.llvmTriple = "aarch64-unknown-linux-gnu";
  info.llvmCpu = "generic";
  info.halideTarget = "arm-64-linux";
  std::string features = "+neon";
  size_t at = name.find('+');
  while (at != std::string::npos) {
    size_t next = name.find('+', at + 1);
    std::string feature = name.substr(
        at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    if (feature == "dotprod") {
      info.halideTarget += "-arm_dot_prod";
      features += ",+dotprod";
    } else if (feature == "fp16") {
      info.halideTarget += "-arm_fp16";
      features += ",+fullfp16";
    } else {
      return "unknown aarch64 feature '+" + feature + "' in target '" + name +
             "' (expected +dotprod or +fp16)";
    }
    at = next;
  }
  info.halideTarget += kernelFeatures;
  info.llvmFeatures = features;
  info.floatLanes = 4; // 128-bit NEON vectors
  info.vectorRegisters = kernels::vectorRegisters(info.halideTarget);
  return info;
}
} // namespace

std::string TargetInfo::crossPrefix() const {
  return architecture == Architecture::AArch64 ? "aarch64-linux-gnu" : "";
}

Expected<TargetInfo, std::string> resolveTarget(const std::string &name,
                                                bool checkedKernels,
                                                bool deterministic) {
  // Deterministic kernels reach the kernel generator as Halide's
  // disable_llvm_loop_opt (see halide::isDeterministic): LLVM's loop
  // vectorizer may reassociate a float reduction Halide left scalar, at a
  // width that depends on the target, and the schedules choose their
  // width-independent forms by it.
  std::string features =
      std::string(checkedKernels ? kCheckedKernelFeatures : kKernelFeatures) +
      (deterministic ? "-disable_llvm_loop_opt" : "");
  const char *kernelFeatures = features.c_str();
  if (name == "aarch64" || name.rfind("aarch64+", 0) == 0)
    return resolveAArch64(name, kernelFeatures);
  TargetInfo info;
  info.name = name;
  info.llvmTriple = "x86_64-unknown-linux-gnu";
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
           "' (expected host, x86-64-v3, x86-64-v4, aarch64, "
           "aarch64+dotprod or aarch64+fp16)";
  }
  bool avx512 = info.halideTarget.find("-avx512") != std::string::npos;
  info.floatLanes = avx512 ? 16 : 8;
  info.vectorRegisters = kernels::vectorRegisters(info.halideTarget);
  bool vnni = info.halideTarget.find("-avx512_sapphirerapids") !=
              std::string::npos;
  bool avx2 = info.halideTarget.find("-avx2") != std::string::npos;
  info.int8DotTerms = vnni ? 4 : avx2 ? 2 : 0;
  return info;
}

} // namespace webnnc
