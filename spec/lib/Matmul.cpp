// SPDX-License-Identifier: Apache-2.0
// matmul and gemm.
#include <cmath>

#include "Common.h"
#include "webnnc/Spec/MatmulOps.h"
#include "webnnc/Spec/Broadcast.h"

namespace webnnc::spec {
using namespace detail;

Expected<OperandDescriptor> matmul(const OperandDescriptor &a,
                                   const OperandDescriptor &b) {
  WEBNNC_SPEC_CHECK(checkDataType(a, "a", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkSameType(b, "b", a, "a"));
  if (a.rank() < 2)
    return makeError("a", "rank must be at least 2, got " +
                              std::to_string(a.rank()));
  if (b.rank() < 2)
    return makeError("b", "rank must be at least 2, got " +
                              std::to_string(b.rank()));
  int64_t m = a.shape[a.rank() - 2], k = a.shape[a.rank() - 1];
  // Open sizes must agree at compute (checked there).
  int64_t bk = b.shape[b.rank() - 2], n = b.shape[b.rank() - 1];
  if (k != bk && !isOpen(k) && !isOpen(bk))
    return makeError("b", "rows (" + std::to_string(bk) +
                              ") must equal a's columns (" +
                              std::to_string(k) + ")");
  Shape aBatch(a.shape.begin(), a.shape.end() - 2);
  Shape bBatch(b.shape.begin(), b.shape.end() - 2);
  Expected<Shape> batch = broadcastShapes(aBatch, bBatch, "a's batch",
                                          "b's batch");
  if (!batch)
    return makeError("b", "batch dimensions " + toString(bBatch) +
                              " are not broadcastable with a's " +
                              toString(aBatch));
  Shape out = *batch;
  out.push_back(m);
  out.push_back(n);
  return OperandDescriptor{a.dataType, out};
}

Expected<OperandDescriptor> gemm(const OperandDescriptor &a,
                                 const OperandDescriptor &b,
                                 const GemmOptions &options) {
  WEBNNC_SPEC_CHECK(checkDataType(a, "a", kFloatTypes));
  WEBNNC_SPEC_CHECK(checkSameType(b, "b", a, "a"));
  WEBNNC_SPEC_CHECK(checkRank(a, "a", 2));
  WEBNNC_SPEC_CHECK(checkRank(b, "b", 2));
  if (!std::isfinite(options.alpha))
    return makeError("alpha", "must be finite");
  if (!std::isfinite(options.beta))
    return makeError("beta", "must be finite");
  int64_t m = options.aTranspose ? a.shape[1] : a.shape[0];
  int64_t k = options.aTranspose ? a.shape[0] : a.shape[1];
  int64_t bk = options.bTranspose ? b.shape[1] : b.shape[0];
  int64_t n = options.bTranspose ? b.shape[0] : b.shape[1];
  if (k != bk && !isOpen(k) && !isOpen(bk))
    return makeError("b", "K dimension (" + std::to_string(bk) +
                              ") must equal a's K dimension (" +
                              std::to_string(k) + ")");
  Shape out{m, n};
  if (options.c) {
    WEBNNC_SPEC_CHECK(checkSameType(*options.c, "c", a, "a"));
    if (options.c->rank() > 2 ||
        !isUnidirectionallyBroadcastable(options.c->shape, out))
      return makeError("c", "shape " + toString(options.c->shape) +
                                " is not broadcastable to the output shape " +
                                toString(out));
  }
  return OperandDescriptor{a.dataType, out};
}

} // namespace webnnc::spec
