// SPDX-License-Identifier: Apache-2.0
// Compiling KernelSpecs to objects with Halide (webnnc-kernelgen only).
#ifndef WEBNNC_CODEGEN_HALIDE_KERNELGEN_H_
#define WEBNNC_CODEGEN_HALIDE_KERNELGEN_H_

#include <string>

#include "webnnc/KernelSpec/KernelSpec.h"

namespace webnnc::halide {

struct KernelGenOptions {
  std::string outputDir;
  bool emitAssembly = false; // also write <name>.s
  bool emitStmt = false;     // also write <name>.stmt, Halide's lowered loops
};

// Compiles each kernel of |batch| to <outputDir>/<name>.o: a function
// `int name(void *user_context, halide_buffer_t *inputs..., outputs...)`
// without Halide's runtime, asserts or bounds queries. Returns "" or the
// first error.
std::string compileKernelBatch(const kernels::KernelBatch &batch,
                               const KernelGenOptions &options);

} // namespace webnnc::halide

#endif // WEBNNC_CODEGEN_HALIDE_KERNELGEN_H_
