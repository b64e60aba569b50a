// SPDX-License-Identifier: Apache-2.0
// webnn-widen-int4: compute int4/uint4 operands as int8/uint8.
#include "GraphPass.h"
#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNDialect.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Spec/Operand.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNWIDENINT4PASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

bool isFourBit(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isInteger(4);
}

// tensor<...xi4> -> tensor<...xi8>, keeping signedness.
RankedTensorType widened(Type type) {
  auto tensor = cast<RankedTensorType>(type);
  auto element = cast<IntegerType>(tensor.getElementType());
  return tensor.clone(
      IntegerType::get(type.getContext(), 8, element.getSignedness()));
}

StringAttr abiName(Type type) {
  bool isUnsigned =
      cast<IntegerType>(cast<RankedTensorType>(type).getElementType())
          .isUnsigned();
  return StringAttr::get(type.getContext(), isUnsigned ? "uint4" : "int4");
}

// Each element's low nibble, sign- or zero-extended to a byte: the
// frontend stores four-bit constants one per byte already extended, but
// a constant parsed from text may hold only the nibble.
char extend(char byte, bool isUnsigned) {
  return char(spec::fourBitValue(
      isUnsigned ? spec::DataType::Uint4 : spec::DataType::Int4,
      uint8_t(byte)));
}

LogicalResult widenConstant(webnn::ConstantOp op) {
  FailureOr<ArrayRef<char>> raw = op.getRawData();
  if (failed(raw))
    return op.emitOpError("four-bit constant without data");
  RankedTensorType type = widened(op.getType());
  bool isUnsigned = type.getElementType().isUnsignedInteger();
  ElementsAttr value;
  if (op.isSplat()) {
    char element = extend((*raw)[0], isUnsigned);
    value = DenseElementsAttr::get(
        type, APInt(8, uint64_t(uint8_t(element)), /*isSigned=*/false));
  } else {
    std::vector<char> bytes(raw->size());
    for (size_t i = 0; i < bytes.size(); ++i)
      bytes[i] = extend((*raw)[i], isUnsigned);
    value = webnn::constantValue(type, bytes);
  }
  op.setValueAttr(value);
  op.getResult().setType(type);
  return success();
}

// quantize_linear to int4: quantize to int8, then clamp to the narrower
// range. Both clamps are monotone, so clamping twice equals clamping once.
void clampQuantized(webnn::QuantizeLinearOp op, bool isUnsigned) {
  OpBuilder b(op->getContext());
  b.setInsertionPointAfter(op);
  Value result = op.getResult();
  auto clamp = webnn::ClampOp::create(
      b, op.getLoc(), result.getType(), result,
      b.getF64FloatAttr(isUnsigned ? 0 : -8),
      b.getF64FloatAttr(isUnsigned ? 15 : 7));
  result.replaceAllUsesExcept(clamp.getResult(), clamp);
}

struct WidenInt4 : GraphPass<WidenInt4, impl::WebNNWidenInt4PassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    MLIRContext *context = &getContext();

    for (BlockArgument arg : graph.getArguments()) {
      if (!isFourBit(arg.getType()))
        continue;
      graph.setArgAttr(arg.getArgNumber(), kAbiDataTypeAttr,
                       abiName(arg.getType()));
      arg.setType(widened(arg.getType()));
    }
    FunctionType fnType = graph.getFunctionType();
    for (auto [i, type] : llvm::enumerate(fnType.getResults()))
      if (isFourBit(type))
        graph.setResultAttr(unsigned(i), kAbiDataTypeAttr, abiName(type));

    SmallVector<Operation *> ops;
    graph.walk([&](Operation *op) { ops.push_back(op); });
    for (Operation *op : ops) {
      if (auto constant = dyn_cast<webnn::ConstantOp>(op)) {
        if (isFourBit(constant.getType()) && failed(widenConstant(constant)))
          return signalPassFailure();
        continue;
      }
      for (Value result : op->getResults()) {
        if (!isFourBit(result.getType()))
          continue;
        bool isUnsigned = cast<RankedTensorType>(result.getType())
                              .getElementType()
                              .isUnsignedInteger();
        result.setType(widened(result.getType()));
        if (auto quantize = dyn_cast<webnn::QuantizeLinearOp>(op))
          clampQuantized(quantize, isUnsigned);
      }
    }

    SmallVector<Type> inputs;
    for (BlockArgument arg : graph.getArguments())
      inputs.push_back(arg.getType());
    SmallVector<Type> results;
    for (Type type : fnType.getResults())
      results.push_back(isFourBit(type) ? widened(type) : type);
    graph.setFunctionType(FunctionType::get(context, inputs, results));
  }
};

} // namespace
} // namespace webnnc
