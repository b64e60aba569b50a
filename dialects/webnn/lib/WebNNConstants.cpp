// SPDX-License-Identifier: Apache-2.0
// Constants from bytes.
#include "webnnc/Dialect/WebNN/WebNNConstants.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseSet.h"

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

namespace {

using BlobEntry = DialectResourceBlobManager::BlobEntry;

BlobEntry *entryOf(ConstantOp constant) {
  auto resource = dyn_cast<DenseResourceElementsAttr>(constant.getValue());
  return resource ? resource.getRawHandle().getResource() : nullptr;
}

// An empty blob: the entry (and every handle to it) stays valid.
void release(BlobEntry *entry) {
  if (AsmResourceBlob *blob = entry->getBlob();
      blob && !blob->getData().empty())
    entry->setBlob(AsmResourceBlob());
}

} // namespace

void releaseUnheldConstantData(Operation *scope,
                               ArrayRef<DenseResourceElementsHandle> released) {
  if (released.empty())
    return;
  llvm::DenseSet<BlobEntry *> held;
  scope->walk([&](ConstantOp constant) {
    if (BlobEntry *entry = entryOf(constant))
      held.insert(entry);
  });
  for (DenseResourceElementsHandle handle : released)
    if (BlobEntry *entry = handle.getResource(); entry && !held.contains(entry))
      release(entry);
}

void eraseUnreadConstants(ArrayRef<ConstantOp> constants, Operation *scope) {
  SmallVector<DenseResourceElementsHandle> erased;
  for (ConstantOp constant : constants) {
    if (!constant->use_empty())
      continue;
    if (auto resource =
            dyn_cast<DenseResourceElementsAttr>(constant.getValue()))
      erased.push_back(resource.getRawHandle());
    constant->erase();
  }
  releaseUnheldConstantData(scope, erased);
}

void releaseAllConstantData(Operation *scope) {
  scope->walk([&](ConstantOp constant) {
    if (BlobEntry *entry = entryOf(constant))
      release(entry);
  });
}

} // namespace mlir::webnn
