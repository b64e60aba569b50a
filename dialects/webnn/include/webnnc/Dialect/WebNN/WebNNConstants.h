// SPDX-License-Identifier: Apache-2.0
// Making webnn.constant ops from bytes: the frontend, constant folding and
// weight packing all do.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNCONSTANTS_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNCONSTANTS_H_

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"

namespace mlir::webnn {

/// Constants up to this many elements print inline; larger ones become
/// resource blobs, which parse and print without per-element work.
inline constexpr int64_t kMaxInlineConstantElements = 16;

/// The value of a constant of |type| holding |bytes| (row-major,
/// little-endian, exactly the type's size; four-bit types one element per
/// byte), inline or as a 64-byte-aligned resource blob.
ElementsAttr constantValue(RankedTensorType type, ArrayRef<char> bytes);

/// A constant op holding constantValue(type, bytes).
ConstantOp createConstant(OpBuilder &builder, Location loc,
                          RankedTensorType type, ArrayRef<char> bytes);

/// Frees the bytes of every resource-backed constant in |constants| that no
/// webnn.constant under |scope| still holds. Resource blobs live as long as
/// the MLIRContext, so a pass that replaced constants (folding, packing)
/// would otherwise keep the old weights beside the new ones; reshape folds
/// share one blob between constants, hence the check. A released
/// constant's getRawData() fails.
void releaseUnheldConstantData(Operation *scope,
                               ArrayRef<DenseResourceElementsHandle> released);

/// Erases those of |constants| that nothing reads, then frees their bytes
/// as releaseUnheldConstantData does. Each constant at most once.
void eraseUnreadConstants(ArrayRef<ConstantOp> constants, Operation *scope);

/// Frees the bytes of every resource-backed constant under |scope|, once
/// they were written elsewhere (the object's weights blob).
void releaseAllConstantData(Operation *scope);

} // namespace mlir::webnn

#endif // WEBNNC_DIALECT_WEBNN_WEBNNCONSTANTS_H_
