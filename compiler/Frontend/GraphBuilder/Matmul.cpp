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
  OpCall call(*impl_, this, "gemm", options.label);
  if (!call.check("a", a) || !call.check("b", b) || !call.check("c", options.c))
    return call.failed();
  spec::GemmOptions specOptions{.c = descriptorOf(options.c),
                                .alpha = options.alpha,
                                .beta = options.beta,
                                .aTranspose = options.aTranspose,
                                .bTranspose = options.bTranspose,
                                .label = options.label};
  auto result = spec::gemm(a.descriptor(), b.descriptor(), specOptions);
  if (!result)
    return call.fail(result.error());
  OperandList operands(*impl_);
  operands.add(a).add(b).add(options.c);
  AttrList attrs(call.builder());
  attrs.option("alpha", options, &OptionsOf<decltype(options)>::alpha)
      .option("beta", options, &OptionsOf<decltype(options)>::beta)
      .option("a_transpose", options, &OptionsOf<decltype(options)>::aTranspose)
      .option("b_transpose", options,
              &OptionsOf<decltype(options)>::bTranspose);
  return call.create<webnn::GemmOp>(*result, operands.values(), attrs);
}

} // namespace webnnc
