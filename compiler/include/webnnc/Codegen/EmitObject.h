// SPDX-License-Identifier: Apache-2.0
// From LLVM-dialect glue to LLVM IR, assembly or an object (LLVM 22), and
// the link of glue and kernels into one relocatable object.
#ifndef WEBNNC_CODEGEN_EMITOBJECT_H_
#define WEBNNC_CODEGEN_EMITOBJECT_H_

#include <string>
#include <vector>

#include "mlir/IR/BuiltinOps.h"
#include "webnnc/Codegen/Target.h"
#include "webnnc/Support/Expected.h"

namespace webnnc {

enum class GlueOutput { LlvmIR, Assembly, Object };

// Translates |module| (LLVM dialect only) to LLVM IR, optimizes it at -O2
// for |target| and returns the IR text, assembly text or object bytes.
Expected<std::string, std::string>
emitGlue(mlir::ModuleOp module, const TargetInfo &target, GlueOutput output);

// Links the glue object and the kernel objects (files) into one
// relocatable object for |modelName| with `ld -r` of the target's binutils
// (aarch64-linux-gnu-ld for AArch64; $WEBNNC_LD overrides it), then, in
// this process (LLVM's objcopy library), makes every symbol local but
// webnnc_<model>_model, renames kernel references to Halide's runtime to
// the webnnc runtime's (webnnc_rt_halide_*) and, with |weightsPath| (a
// blob from emitWeightsBlob; "" for none), replaces the glue's weights
// placeholder section with it. Any other unresolved symbol but memory and
// math functions of the C library is an error naming it. Returns the
// object's bytes.
Expected<std::string, std::string>
linkModelObject(const std::string &workDir, const std::string &gluePath,
                const std::vector<std::string> &kernelPaths,
                const std::string &weightsPath, const std::string &modelName,
                const TargetInfo &target);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_EMITOBJECT_H_
