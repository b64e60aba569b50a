// SPDX-License-Identifier: Apache-2.0
// Releasing constants' bytes: what no constant holds any more goes, what
// another constant shares (a reshape fold's) stays, and a released
// constant says it has no data rather than handing out an empty array.
#include <gtest/gtest.h>

#include <vector>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"

using namespace mlir;

namespace {

class ConstantData : public ::testing::Test {
protected:
  ConstantData() : builder(&context) {
    context.loadDialect<webnn::WebNNDialect, func::FuncDialect>();
    module = ModuleOp::create(builder.getUnknownLoc());
    builder.setInsertionPointToEnd(module->getBody());
    auto fn = func::FuncOp::create(builder, builder.getUnknownLoc(), "f",
                                   builder.getFunctionType({}, {}));
    builder.setInsertionPointToStart(fn.addEntryBlock());
  }

  // A resource-backed constant (larger than the inline limit).
  webnn::ConstantOp weights(float first) {
    std::vector<float> values(64);
    for (size_t i = 0; i < values.size(); ++i)
      values[i] = first + float(i);
    auto type = RankedTensorType::get({8, 8}, builder.getF32Type());
    return webnn::createConstant(
        builder, builder.getUnknownLoc(), type,
        ArrayRef<char>(reinterpret_cast<const char *>(values.data()),
                       values.size() * sizeof(float)));
  }

  static DenseResourceElementsHandle handle(webnn::ConstantOp constant) {
    return cast<DenseResourceElementsAttr>(constant.getValue()).getRawHandle();
  }

  static float firstValue(webnn::ConstantOp constant) {
    FailureOr<ArrayRef<char>> raw = constant.getRawData();
    EXPECT_TRUE(succeeded(raw));
    return succeeded(raw) ? reinterpret_cast<const float *>(raw->data())[0]
                          : -1.0f;
  }

  MLIRContext context;
  OpBuilder builder;
  OwningOpRef<ModuleOp> module;
};

TEST_F(ConstantData, UnheldBytesAreReleasedAndHeldOnesKept) {
  webnn::ConstantOp kept = weights(1.0f);
  webnn::ConstantOp dropped = weights(100.0f);
  ASSERT_NE(handle(kept).getResource(), handle(dropped).getResource());
  DenseResourceElementsHandle droppedHandle = handle(dropped);
  dropped->erase();
  webnn::releaseUnheldConstantData(*module, {droppedHandle, handle(kept)});
  EXPECT_EQ(firstValue(kept), 1.0f);
  ASSERT_NE(droppedHandle.getBlob(), nullptr);
  EXPECT_TRUE(droppedHandle.getBlob()->getData().empty());
}

TEST_F(ConstantData, ABlobSharedByAnotherConstantStays) {
  webnn::ConstantOp original = weights(7.0f);
  // A reshape fold's result: the same blob under another type.
  auto flat = RankedTensorType::get({64}, builder.getF32Type());
  auto reshaped = webnn::ConstantOp::create(
      builder, builder.getUnknownLoc(), flat,
      DenseResourceElementsAttr::get(flat, handle(original)));
  DenseResourceElementsHandle shared = handle(original);
  original->erase();
  webnn::releaseUnheldConstantData(*module, {shared});
  EXPECT_EQ(firstValue(reshaped), 7.0f);
}

TEST_F(ConstantData, ReleasedConstantsHaveNoData) {
  webnn::ConstantOp constant = weights(3.0f);
  webnn::releaseAllConstantData(*module);
  EXPECT_TRUE(failed(constant.getRawData()));
}

} // namespace
