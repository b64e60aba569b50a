// SPDX-License-Identifier: Apache-2.0
// Reference semantics of matmul and gemm.
#include "../RefTensor.h"
#include "llvm/ADT/TypeSwitch.h"
#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNSpecOptions.h"

namespace webnnc::reference {
using namespace mlir;

namespace {

OpResult matmul(webnn::MatmulOp op, const Operands &operands) {
  const RefTensor &a = *operands[0], &b = *operands[1];
  auto outType = cast<RankedTensorType>(op.getType());
  RefTensor out(a.type, spec::Shape(outType.getShape().begin(),
                                    outType.getShape().end()));
  size_t ra = a.shape.size(), rb = b.shape.size();
  int64_t m = a.shape[ra - 2], k = a.shape[ra - 1], n = b.shape[rb - 1];
  // Broadcast the batch dimensions: one (m x n) product per batch index.
  spec::Shape batch(out.shape.begin(), out.shape.end() - 2);
  spec::Shape aBatch(a.shape.begin(), a.shape.end() - 2);
  spec::Shape bBatch(b.shape.begin(), b.shape.end() - 2);
  forEachBroadcast(batch, aBatch, bBatch, [&](size_t bo, size_t ba, size_t bb) {
    const double *pa = a.f.data() + ba * m * k;
    const double *pb = b.f.data() + bb * k * n;
    double *po = out.f.data() + bo * m * n;
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        double sum = 0;
        for (int64_t p = 0; p < k; ++p)
          sum += pa[i * k + p] * pb[p * n + j];
        po[i * n + j] = sum;
      }
  });
  out.roundToType();
  return out;
}

OpResult gemm(webnn::GemmOp op, const Operands &operands) {
  const RefTensor &a = *operands[0], &b = *operands[1];
  const RefTensor *c = operands.size() > 2 ? operands[2] : nullptr;
  spec::GemmOptions options = webnn::optionsOf<spec::GemmOptions>(op);
  auto outType = cast<RankedTensorType>(op.getType());
  RefTensor out(a.type, spec::Shape(outType.getShape().begin(),
                                    outType.getShape().end()));
  int64_t m = out.shape[0], n = out.shape[1];
  int64_t k = options.aTranspose ? a.shape[0] : a.shape[1];
  auto aAt = [&](int64_t i, int64_t p) {
    return options.aTranspose ? a.f[p * m + i] : a.f[i * k + p];
  };
  auto bAt = [&](int64_t p, int64_t j) {
    return options.bTranspose ? b.f[j * k + p] : b.f[p * n + j];
  };
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double sum = 0;
      for (int64_t p = 0; p < k; ++p)
        sum += aAt(i, p) * bAt(p, j);
      out.f[i * n + j] = options.alpha * sum;
    }
  if (c) {
    forEachBroadcast(out.shape, out.shape, c->shape,
                     [&](size_t o, size_t, size_t ic) {
                       out.f[o] += options.beta * c->f[ic];
                     });
  }
  out.roundToType();
  return out;
}

} // namespace

std::optional<OpResult> evaluateMatmul(Operation *op,
                                       const Operands &operands) {
  return llvm::TypeSwitch<Operation *, std::optional<OpResult>>(op)
      .Case([&](webnn::MatmulOp mm) { return matmul(mm, operands); })
      .Case([&](webnn::GemmOp g) { return gemm(g, operands); })
      .Default([](Operation *) { return std::nullopt; });
}

} // namespace webnnc::reference
