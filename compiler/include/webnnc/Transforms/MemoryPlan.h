// SPDX-License-Identifier: Apache-2.0
// Where each tensor of a planned graph lives, for the passes that lay out
// and use memory.
#ifndef WEBNNC_TRANSFORMS_MEMORYPLAN_H_
#define WEBNNC_TRANSFORMS_MEMORYPLAN_H_

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace webnnc {

// The value whose memory |value| uses: reshapes relabel their operand's
// memory, so this follows them back to a graph input, a constant or a
// kernel result.
mlir::Value storageRoot(mlir::Value value);

// Bytes of a tensor value.
int64_t byteSize(mlir::Type tensorType);

// |bytes| rounded up to the arena's alignment (each tensor's slot size).
int64_t arenaSlotSize(int64_t bytes);

} // namespace webnnc

#endif // WEBNNC_TRANSFORMS_MEMORYPLAN_H_
