// SPDX-License-Identifier: Apache-2.0
// Constants from bytes.
#include "webnnc/Dialect/WebNN/WebNNConstants.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

namespace mlir::webnn {

ElementsAttr constantValue(RankedTensorType type, ArrayRef<char> bytes) {
  if (type.getNumElements() <= kMaxInlineConstantElements)
    return DenseElementsAttr::getFromRawBuffer(type, bytes);
  return DenseResourceElementsAttr::get(
      type, "constant",
      HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, /*align=*/64));
}

ConstantOp createConstant(OpBuilder &builder, Location loc,
                          RankedTensorType type, ArrayRef<char> bytes) {
  return ConstantOp::create(builder, loc, type, constantValue(type, bytes));
}

} // namespace mlir::webnn
