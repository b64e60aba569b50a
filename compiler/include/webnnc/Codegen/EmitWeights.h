// SPDX-License-Identifier: Apache-2.0
// The model's constants (weights) as an object of their own: one read-only
// section holding every constant the glue addresses, written straight from
// the constants' bytes into an ELF object for the target's architecture. The
// glue then reaches each constant at an offset from one symbol instead of
// carrying the bytes through LLVM IR and code generation, which copied
// them several times.
#ifndef WEBNNC_CODEGEN_EMITWEIGHTS_H_
#define WEBNNC_CODEGEN_EMITWEIGHTS_H_

#include <string>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "webnnc/Driver/Target.h"
#include "webnnc/Support/Expected.h"

namespace webnnc {

// Places every constant of |graph| that something reads in one blob,
// 64-byte aligned, marking each with its offset (kWeightOffsetAttr), and
// streams the blob into the relocatable object |objectPath| for |target|'s
// architecture, defining the symbol kWeightsSymbol (made local when the
// model object is linked). Returns the blob's size; 0 (and no file) if the
// graph reads no constant.
Expected<uint64_t, std::string> emitWeightsObject(mlir::func::FuncOp graph,
                                                  const std::string &objectPath,
                                                  const TargetInfo &target);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_EMITWEIGHTS_H_
