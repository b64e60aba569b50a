// SPDX-License-Identifier: Apache-2.0
// The model's constants (weights) as one blob: a file holding every
// constant the glue addresses, written straight from the constants' bytes.
// The link puts it in the model object as the contents of the glue's
// weights section (linkModelObject), so the bytes never pass through LLVM
// IR, code generation or the external linker, which copied them several
// times.
#ifndef WEBNNC_CODEGEN_EMITWEIGHTS_H_
#define WEBNNC_CODEGEN_EMITWEIGHTS_H_

#include <string>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "webnnc/Support/Expected.h"

namespace webnnc {

// Places every constant of |graph| that something reads in one blob,
// 64-byte aligned, marking each with its offset (kWeightOffsetAttr), and
// streams the blob into the file |blobPath|. Returns the blob's size; 0
// (and no file) if the graph reads no constant.
Expected<uint64_t, std::string> emitWeightsBlob(mlir::func::FuncOp graph,
                                                const std::string &blobPath);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_EMITWEIGHTS_H_
