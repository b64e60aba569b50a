// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: matmul and gemm.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

Operand GraphBuilder::matmul(const Operand &a, const Operand &b,
                             const OperatorOptions &options) {
  OpCall call(*impl_, this, "matmul", options.label);
  if (!call.check("a", a) || !call.check("b", b))
    return call.failed();
  auto result = spec::matmul(a.descriptor(), b.descriptor());
  if (!result)
    return call.fail(result.error());
  return call.create<webnn::MatmulOp>(*result,
                                      {impl_->value(a), impl_->value(b)});
}

Operand GraphBuilder::gemm(const Operand &a, const Operand &b,
                           const GemmOptions &options) {
  return buildOp<webnn::GemmOp>(
      *impl_, this, "gemm", {{"a", a}, {"b", b}}, options,
      [&](const spec::GemmOptions &o) {
        return spec::gemm(a.descriptor(), b.descriptor(), o);
      });
}

} // namespace webnnc
