// SPDX-License-Identifier: Apache-2.0
// webnn-expand-quantization: per-tensor quantizeLinear and
// dequantizeLinear as element-wise ops, which fuse into their neighbours'
// kernels and let layout transposes pass.
//
//   dequantizeLinear(x, s, z) = (float(x) - z) * s
//   quantizeLinear(x, s, z)   = cast(clamp(roundEven(x / s) + z, lo, hi))
//
// Each step rounds as the reference does (the quotient to float32, then
// ties to even; the integer difference is exact), so results are
// bit-identical. Blockwise and per-channel forms keep their kernel.
#include "GraphPass.h"
#include "QuantizationParams.h"
#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNEXPANDQUANTIZATIONPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

class Expander {
public:
  Expander(Operation *op) : b_(op), loc_(op->getLoc()) {}

  Value scalar(float value) {
    auto type = RankedTensorType::get({}, b_.getF32Type());
    ArrayRef<char> bytes(reinterpret_cast<const char *>(&value), sizeof value);
    return webnn::createConstant(b_, loc_, type, bytes);
  }
  Value castTo(Value x, spec::DataType to) {
    RankedTensorType type = withElement(x.getType(), to);
    return webnn::CastOp::create(
               b_, loc_, type, x,
               webnn::OperandDataTypeAttr::get(b_.getContext(),
                                               webnn::OperandDataType(int(to))))
        .getResult();
  }
  template <typename Op> Value binary(Value a, Value b) {
    return Op::create(b_, loc_, a.getType(), a, b).getResult();
  }
  Value roundEven(Value x) {
    return webnn::RoundEvenOp::create(b_, loc_, x.getType(), x).getResult();
  }
  Value clamp(Value x, double lo, double hi) {
    return webnn::ClampOp::create(b_, loc_, x.getType(), x,
                                  b_.getF64FloatAttr(lo),
                                  b_.getF64FloatAttr(hi))
        .getResult();
  }

private:
  RankedTensorType withElement(Type type, spec::DataType to) {
    return cast<RankedTensorType>(type).clone(
        webnn::getElementType(b_.getContext(), to));
  }

  OpBuilder b_;
  Location loc_;
};

bool isFloat32(Value v) {
  return cast<RankedTensorType>(v.getType()).getElementType().isF32();
}

void expand(webnn::DequantizeLinearOp op,
            const quantization::PerTensor &params) {
  Expander e(op);
  Value x = e.castTo(op.getInput(), spec::DataType::Float32);
  if (params.zeroPoint != 0)
    x = e.binary<webnn::SubOp>(x, e.scalar(float(params.zeroPoint)));
  x = e.binary<webnn::MulOp>(x, e.scalar(params.scale));
  op.getResult().replaceAllUsesWith(x);
  op.erase();
}

void expand(webnn::QuantizeLinearOp op, const quantization::PerTensor &params) {
  Expander e(op);
  Value x = e.roundEven(
      e.binary<webnn::DivOp>(op.getInput(), e.scalar(params.scale)));
  if (params.zeroPoint != 0)
    x = e.binary<webnn::AddOp>(x, e.scalar(float(params.zeroPoint)));
  x = e.clamp(x, double(quantization::lowest(params.zeroType)),
              double(quantization::highest(params.zeroType)));
  x = e.castTo(x, params.zeroType);
  op.getResult().replaceAllUsesWith(x);
  op.erase();
}

struct ExpandQuantization
    : GraphPass<ExpandQuantization, impl::WebNNExpandQuantizationPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    for (Operation &op : llvm::make_early_inc_range(graph.getBody().front())) {
      if (auto dq = dyn_cast<webnn::DequantizeLinearOp>(op)) {
        if (!isFloat32(dq.getResult()))
          continue;
        if (auto params =
                quantization::perTensor(dq.getScale(), dq.getZeroPoint()))
          expand(dq, *params);
      } else if (auto q = dyn_cast<webnn::QuantizeLinearOp>(op)) {
        if (!isFloat32(q.getInput()))
          continue;
        if (auto params =
                quantization::perTensor(q.getScale(), q.getZeroPoint()))
          expand(q, *params);
      }
    }
    // The scales and zero points only the expanded ops read.
    eraseUnreadConstants(graph);
  }
};

} // namespace
} // namespace webnnc
