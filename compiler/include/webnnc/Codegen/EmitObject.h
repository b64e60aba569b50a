// SPDX-License-Identifier: Apache-2.0
// From LLVM-dialect glue to LLVM IR, assembly or an object (LLVM 22), and
// the link of glue and kernels into one relocatable object.
#ifndef WEBNNC_CODEGEN_EMITOBJECT_H_
#define WEBNNC_CODEGEN_EMITOBJECT_H_

#include <string>
#include <vector>

#include "mlir/IR/BuiltinOps.h"
#include "webnnc/Driver/Target.h"
#include "webnnc/Support/Expected.h"

namespace webnnc {

enum class GlueOutput { LlvmIR, Assembly, Object };

// Translates |module| (LLVM dialect only) to LLVM IR, optimizes it at -O2
// for |target| and returns the IR text, assembly text or object bytes.
Expected<std::string, std::string>
emitGlue(mlir::ModuleOp module, const TargetInfo &target, GlueOutput output);

// Links the glue object and the kernel objects (files) into one
// relocatable object for |modelName|, using `ld -r` and `objcopy` of the
// target's binutils (aarch64-linux-gnu-ld for AArch64; $WEBNNC_LD and
// $WEBNNC_OBJCOPY override them). Only webnnc_<model>_model stays
// global; kernel references to Halide's runtime become the webnnc runtime's
// (webnnc_rt_halide_*). Any other unresolved symbol but memory and math
// functions of the C library is an error naming it. Returns the bytes.
Expected<std::string, std::string>
linkModelObject(const std::string &workDir, const std::string &gluePath,
                const std::vector<std::string> &kernelPaths,
                const std::string &modelName, const TargetInfo &target);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_EMITOBJECT_H_
