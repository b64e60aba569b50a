// SPDX-License-Identifier: Apache-2.0
// Dialect registration, generated definitions and folders.
#include "webnnc/Dialect/WebNN/WebNNDialect.h"

#include "llvm/ADT/TypeSwitch.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"

using namespace mlir;
using namespace mlir::webnn;

#include "webnnc/Dialect/WebNN/WebNNDialect.cpp.inc"
#include "webnnc/Dialect/WebNN/WebNNEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "webnnc/Dialect/WebNN/WebNNAttrs.cpp.inc"

void WebNNDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "webnnc/Dialect/WebNN/WebNNAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "webnnc/Dialect/WebNN/WebNNOps.cpp.inc"
      >();
}

Operation *WebNNDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

FailureOr<ArrayRef<char>> ConstantOp::getRawData() {
  if (auto dense = dyn_cast<DenseElementsAttr>(getValue()))
    return dense.getRawData();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(getValue()))
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      // (empty once released: releaseUnheldConstantData)
      if (!blob->getData().empty() || resource.getType().getNumElements() == 0)
        return blob->getData();
  return failure();
}

bool ConstantOp::isSplat() {
  auto dense = dyn_cast<DenseElementsAttr>(getValue());
  return dense && dense.isSplat();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  // Reshaping a constant only relabels its elements.
  if (auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    return dense.reshape(getType());
  if (auto resource =
          dyn_cast_if_present<DenseResourceElementsAttr>(adaptor.getInput()))
    return DenseResourceElementsAttr::get(getType(),
                                          resource.getRawHandle());
  return {};
}

#define GET_OP_CLASSES
#include "webnnc/Dialect/WebNN/WebNNOps.cpp.inc"
