// SPDX-License-Identifier: Apache-2.0
// webnn-pack-int4-weights: a float matmul whose B dequantizes a constant
// matrix of 4-bit values keeps the codes, two per byte, and becomes
// webnn.packed_int4_matmul (see Passes.td).
#include "GraphPass.h"
#include "QuantizationParams.h"
#include "mlir/IR/Builders.h"
#include "webnnc/Dialect/WebNN/WebNNConstants.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Transforms/Passes.h"

namespace webnnc {
#define GEN_PASS_DEF_WEBNNPACKINT4WEIGHTSPASS
#include "webnnc/Transforms/Passes.h.inc"
} // namespace webnnc

using namespace mlir;

namespace webnnc {
namespace {

// B [K, N] as 4-bit codes, with the zero point (as a code) and scale of
// each block of rows and column.
struct Int4Matrix {
  int64_t k = 0, n = 0, block = 0;
  std::vector<uint8_t> codes;       // [k][n]
  std::vector<float> zeros, scales; // [k / block][n]
};

// The element of a blockwise parameter of 2-D shape |p| (its shape
// aligned to the trailing dimensions, as dequantizeLinear reads it)
// covering element (row, column) of a 2-D |shape|.
size_t blockIndex(const spec::Shape &p, const spec::Shape &shape, int64_t row,
                  int64_t column) {
  return size_t(row / (shape[0] / p[0]) * p[1] + column / (shape[1] / p[1]));
}

// dequantizeLinear(w, scale, zero) as an Int4Matrix, B(k, j) being w(k, j)
// or, |transposed|, w(j, k); failure unless every value of w is a 4-bit
// one and the parameters are float32 constants.
FailureOr<Int4Matrix> readInt4(webnn::DequantizeLinearOp dq, bool transposed) {
  auto w = quantization::constantValue(dq.getInput(), int64_t(1) << 30);
  auto scale = quantization::constantValue(dq.getScale(), int64_t(1) << 28);
  auto zero = quantization::constantValue(dq.getZeroPoint(), int64_t(1) << 28);
  if (!w || !scale || !zero || w->shape().size() != 2 ||
      scale->dataType() != spec::DataType::Float32 ||
      zero->shape() != scale->shape() || scale->shape().size() > 2)
    return failure();
  spec::DataType type = w->dataType();
  bool isSigned = type == spec::DataType::Int8 || type == spec::DataType::Int4;
  if (!isSigned && type != spec::DataType::Uint8 &&
      type != spec::DataType::Uint4)
    return failure();
  // Codes are unsigned: int4's [-8, 7] moves to [0, 15], zeros alike.
  double offset = isSigned ? 8 : 0;
  const spec::Shape &shape = w->shape();
  Int4Matrix m;
  m.k = shape[transposed ? 1 : 0];
  m.n = shape[transposed ? 0 : 1];
  spec::Shape aligned(2 - scale->shape().size(), 1);
  aligned.insert(aligned.end(), scale->shape().begin(), scale->shape().end());
  m.block = m.k / aligned[transposed ? 1 : 0];
  auto at = [&](int64_t k, int64_t j) {
    return transposed ? std::pair{j, k} : std::pair{k, j};
  };
  m.codes.resize(size_t(m.k * m.n));
  for (int64_t k = 0; k < m.k; ++k)
    for (int64_t j = 0; j < m.n; ++j) {
      auto [row, column] = at(k, j);
      double code = w->at(size_t(row * shape[1] + column)) + offset;
      if (code < 0 || code > 15)
        return failure();
      m.codes[size_t(k * m.n + j)] = uint8_t(code);
    }
  for (int64_t kb = 0; kb < m.k / m.block; ++kb)
    for (int64_t j = 0; j < m.n; ++j) {
      auto [row, column] = at(kb * m.block, j);
      size_t p = blockIndex(aligned, shape, row, column);
      m.zeros.push_back(float(zero->at(p) + offset));
      m.scales.push_back(float(scale->at(p)));
    }
  return m;
}

class Rewriter {
public:
  Rewriter(Operation *op, int64_t panelWidth)
      : op_(op), b_(op), width_(panelWidth) {}

  // Replaces the op if it is a matmul or plain gemm with such a B.
  LogicalResult run(int64_t maxRows) {
    Value a, b, c;
    bool transposed = false;
    if (auto matmul = dyn_cast<webnn::MatmulOp>(op_)) {
      a = matmul.getA(), b = matmul.getB();
    } else if (auto gemm = dyn_cast<webnn::GemmOp>(op_)) {
      if (gemm.getATranspose() || gemm.getAlpha().convertToDouble() != 1.0 ||
          (gemm.getC() && gemm.getBeta().convertToDouble() != 1.0))
        return failure();
      a = gemm.getA(), b = gemm.getB(), c = gemm.getC();
      transposed = gemm.getBTranspose();
    } else {
      return failure();
    }
    auto dq = b.getDefiningOp<webnn::DequantizeLinearOp>();
    auto aType = cast<RankedTensorType>(a.getType());
    auto resultType = cast<RankedTensorType>(op_->getResult(0).getType());
    if (!dq || !aType.getElementType().isF32() ||
        !resultType.getElementType().isF32() ||
        cast<RankedTensorType>(b.getType()).getRank() != 2)
      return failure();
    // Many static rows: the float path (see Passes.td).
    if (aType.hasStaticShape() &&
        aType.getNumElements() / aType.getShape().back() > maxRows)
      return failure();
    FailureOr<Int4Matrix> m = readInt4(dq, transposed);
    if (failed(m))
      return failure();
    auto replacement = webnn::PackedInt4MatmulOp::create(
        b_, op_->getLoc(), resultType, a, packedCodes(*m),
        panels(*m, m->zeros), panels(*m, m->scales), c,
        b_.getI64IntegerAttr(m->n), b_.getI64IntegerAttr(m->block));
    op_->getResult(0).replaceAllUsesWith(replacement.getResult());
    op_->erase();
    if (dq->use_empty())
      dq->erase();
    return success();
  }

private:
  int64_t panelCount(const Int4Matrix &m) const {
    return (m.n + width_ - 1) / width_;
  }

  // [panels, K, P / 2] bytes: column q of a panel in the low four bits,
  // column q + P / 2 in the high four; zero past N.
  Value packedCodes(const Int4Matrix &m) {
    int64_t half = width_ / 2, panels = panelCount(m);
    std::vector<char> bytes(size_t(panels * m.k * half), 0);
    for (int64_t p = 0; p < panels; ++p)
      for (int64_t k = 0; k < m.k; ++k)
        for (int64_t q = 0; q < width_; ++q) {
          int64_t j = p * width_ + q;
          if (j >= m.n)
            break;
          uint8_t code = m.codes[size_t(k * m.n + j)];
          char &byte = bytes[size_t((p * m.k + k) * half + q % half)];
          byte = char(uint8_t(byte) | (q < half ? code : code << 4));
        }
    auto type = RankedTensorType::get(
        {panels, m.k, half}, b_.getIntegerType(8, /*isSigned=*/false));
    return constant(type, bytes);
  }

  // Per block and column |values| as [panels, K / block, P], zero past N.
  Value panels(const Int4Matrix &m, const std::vector<float> &values) {
    int64_t panels = panelCount(m), blocks = m.k / m.block;
    std::vector<float> out(size_t(panels * blocks * width_), 0.0f);
    for (int64_t kb = 0; kb < blocks; ++kb)
      for (int64_t j = 0; j < m.n; ++j)
        out[size_t(((j / width_) * blocks + kb) * width_ + j % width_)] =
            values[size_t(kb * m.n + j)];
    std::vector<char> bytes(out.size() * sizeof(float));
    std::memcpy(bytes.data(), out.data(), bytes.size());
    return constant(
        RankedTensorType::get({panels, blocks, width_}, b_.getF32Type()),
        bytes);
  }

  Value constant(RankedTensorType type, const std::vector<char> &bytes) {
    auto op = webnn::createConstant(b_, op_->getLoc(), type, bytes);
    op->setAttr("webnn.packed", b_.getUnitAttr());
    return op.getResult();
  }

  Operation *op_;
  OpBuilder b_;
  int64_t width_;
};

struct PackInt4Weights
    : GraphPass<PackInt4Weights, impl::WebNNPackInt4WeightsPassBase> {
  using GraphPass::GraphPass;

  void runOnGraph(func::FuncOp graph) {
    if (panelWidth < 2 || panelWidth % 2 != 0) {
      getOperation().emitError(
          "webnn-pack-int4-weights: panel-width must be even and positive");
      return signalPassFailure();
    }
    SmallVector<Operation *> products;
    for (Operation &op : graph.getBody().front())
      if (isa<webnn::MatmulOp, webnn::GemmOp>(op))
        products.push_back(&op);
    for (Operation *op : products)
      (void)Rewriter(op, panelWidth).run(maxRows);
    eraseUnreadConstants(graph);
  }
};

} // namespace
} // namespace webnnc
