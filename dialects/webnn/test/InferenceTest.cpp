// SPDX-License-Identifier: Apache-2.0
// Result-type inference: ops built without a result type get the spec's
// output type; an invalid combination reports the broken rule.
#include <gtest/gtest.h>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"

using namespace mlir;

namespace {

class Inference : public ::testing::Test {
protected:
  Inference() : builder(&context) {
    context.loadDialect<webnn::WebNNDialect, func::FuncDialect>();
    module = ModuleOp::create(builder.getUnknownLoc());
    builder.setInsertionPointToEnd(module->getBody());
    auto f32 = builder.getF32Type();
    auto fn = func::FuncOp::create(
        builder, builder.getUnknownLoc(), "f",
        builder.getFunctionType({RankedTensorType::get({1, 3, 8, 8}, f32),
                                 RankedTensorType::get({4, 3, 3, 3}, f32),
                                 RankedTensorType::get({8}, f32)},
                                {}));
    Block *body = fn.addEntryBlock();
    builder.setInsertionPointToStart(body);
    x = body->getArgument(0);
    w = body->getArgument(1);
    v = body->getArgument(2);
  }

  MLIRContext context;
  OpBuilder builder;
  OwningOpRef<ModuleOp> module;
  Value x, w, v;
};

TEST_F(Inference, BuildersInferTheSpecResultType) {
  Location loc = builder.getUnknownLoc();
  auto conv = webnn::Conv2dOp::create(builder, loc, x, w, Value(),
                                      builder.getDenseI64ArrayAttr({1, 1, 1, 1}),
                                      nullptr, nullptr, nullptr, nullptr,
                                      nullptr);
  EXPECT_EQ(conv.getType(),
            RankedTensorType::get({1, 4, 8, 8}, builder.getF32Type()));
  auto pool = webnn::MaxPool2dOp::create(
      builder, loc, conv, builder.getDenseI64ArrayAttr({2, 2}), nullptr,
      builder.getDenseI64ArrayAttr({2, 2}), nullptr, nullptr, nullptr,
      nullptr);
  EXPECT_EQ(cast<RankedTensorType>(pool.getType()).getShape(),
            ArrayRef<int64_t>({1, 4, 4, 4}));
  auto sum = webnn::AddOp::create(builder, loc, x, v);
  EXPECT_EQ(sum.getType(), x.getType());
  EXPECT_TRUE(succeeded(mlir::verify(conv)));
}

TEST_F(Inference, InvalidOperandsReportTheRule) {
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  SmallVector<Type> types;
  // x [1,3,8,8] + w [4,3,3,3] do not broadcast.
  EXPECT_TRUE(failed(webnn::AddOp::inferReturnTypes(
      &context, builder.getUnknownLoc(), ValueRange{x, w}, nullptr,
      OpaqueProperties(nullptr), RegionRange(),
      types)));
  EXPECT_EQ(message, "'webnn.add' op b: shape [4,3,3,3] is not broadcastable "
                     "with a's shape [1,3,8,8]");
}

} // namespace
