// SPDX-License-Identifier: Apache-2.0
// The model's constants (weights) as an object of their own: one read-only
// section holding every constant the glue addresses, written straight from
// the constants' bytes to a file and wrapped by `objcopy -I binary`. The
// glue then reaches each constant at an offset from one symbol instead of
// carrying the bytes through LLVM IR and code generation, which copied
// them several times.
#ifndef WEBNNC_CODEGEN_EMITWEIGHTS_H_
#define WEBNNC_CODEGEN_EMITWEIGHTS_H_

#include <string>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "webnnc/Support/Expected.h"

namespace webnnc {

// Places every constant of |graph| that something reads in one blob,
// 64-byte aligned, marking each with its offset (kWeightOffsetAttr), and
// writes the blob as the relocatable object |objectPath| (through a file
// beside it) defining the local symbol kWeightsSymbol. Returns the blob's
// size; 0 (and no file) if the graph reads no constant.
Expected<uint64_t, std::string> emitWeightsObject(mlir::func::FuncOp graph,
                                                  const std::string &objectPath);

} // namespace webnnc

#endif // WEBNNC_CODEGEN_EMITWEIGHTS_H_
