// SPDX-License-Identifier: Apache-2.0
// The CPU a model is compiled for, in Halide's and LLVM's terms.
#ifndef WEBNNC_CODEGEN_TARGET_H_
#define WEBNNC_CODEGEN_TARGET_H_

#include <string>

#include "webnnc/Support/Expected.h"

namespace webnnc {

enum class Architecture { X86_64, AArch64 };

struct TargetInfo {
  std::string name; // as given: host, x86-64-v3, aarch64+dotprod...
  Architecture architecture = Architecture::X86_64;
  std::string halideTarget; // e.g. x86-64-linux-avx2-...-user_context
  std::string llvmTriple;   // e.g. x86_64-unknown-linux-gnu
  std::string llvmCpu;      // e.g. x86-64-v3
  std::string llvmFeatures; // "" for the CPU's defaults
  int floatLanes = 8;       // float32 lanes of the widest vectors kernels use
  int vectorRegisters = 16; // architectural vector registers (AVX2: 16)
  // Terms of the uint8 x int8 dot products into int32 that the kernel
  // generator emits: 4 with AVX-512 VNNI (vpdpbusd, on Halide 14's
  // sapphirerapids feature), 2 with AVX2 (vpmaddwd on the bytes widened
  // to 16 bits), 0 without integer kernels.
  int int8DotTerms = 0;

  bool isNative() const { return architecture == Architecture::X86_64; }
  // The GNU triple of this architecture's cross tools and libraries
  // (aarch64-linux-gnu), "" for the host's own.
  std::string crossPrefix() const;
};

// Resolves `--target`: host (this machine's features), x86-64-v3 (AVX2,
// FMA), x86-64-v4 (adds AVX-512), or aarch64 (ARMv8-A with NEON) with
// optional ARMv8.2 extensions as `+feature` suffixes: aarch64+dotprod
// (int8 dot products), aarch64+fp16 (half-precision arithmetic).
// |checkedKernels| keeps Halide's assertions in the kernels (see
// CompileOptions::checkedKernels); |deterministic| asks for kernels whose
// results do not depend on the vector width (CompileOptions::deterministic).
Expected<TargetInfo, std::string> resolveTarget(const std::string &name,
                                                bool checkedKernels = false,
                                                bool deterministic = false);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_TARGET_H_
