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
  auto op = webnn::MatmulOp::create(call.builder(), call.loc(),
                                    impl_->tensorType(*result),
                                    impl_->value(a), impl_->value(b));
  return call.result(op.getResult(), *result);
}

Operand GraphBuilder::gemm(const Operand &a, const Operand &b,
                           const GemmOptions &options) {
  OpCall call(*impl_, this, "gemm", options.label);
  if (!call.check("a", a) || !call.check("b", b) ||
      !call.check("c", options.c))
    return call.failed();
  spec::GemmOptions specOptions{std::nullopt,       options.alpha,
                                options.beta,       options.aTranspose,
                                options.bTranspose, options.label};
  if (options.c)
    specOptions.c = options.c->descriptor();
  auto result = spec::gemm(a.descriptor(), b.descriptor(), specOptions);
  if (!result)
    return call.fail(result.error());
  Builder &builder = call.builder();
  auto op = webnn::GemmOp::create(
      call.builder(), call.loc(), impl_->tensorType(*result), impl_->value(a),
      impl_->value(b), options.c ? impl_->value(*options.c) : Value(),
      options.alpha == 1.0 ? FloatAttr() : builder.getF64FloatAttr(options.alpha),
      options.beta == 1.0 ? FloatAttr() : builder.getF64FloatAttr(options.beta),
      options.aTranspose ? builder.getBoolAttr(true) : BoolAttr(),
      options.bTranspose ? builder.getBoolAttr(true) : BoolAttr());
  return call.result(op.getResult(), *result);
}

} // namespace webnnc
