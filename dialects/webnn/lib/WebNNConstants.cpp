// SPDX-License-Identifier: Apache-2.0
// Constants from bytes.
#include "webnnc/Dialect/WebNN/WebNNConstants.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

namespace mlir::webnn {

ConstantOp createConstant(OpBuilder &builder, Location loc,
                          RankedTensorType type, ArrayRef<char> bytes) {
  ElementsAttr value;
  if (type.getNumElements() <= kMaxInlineConstantElements)
    value = DenseElementsAttr::getFromRawBuffer(type, bytes);
  else
    value = DenseResourceElementsAttr::get(
        type, "constant",
        HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, /*align=*/64));
  return ConstantOp::create(builder, loc, type, value);
}

} // namespace mlir::webnn
