// SPDX-License-Identifier: Apache-2.0
// The spec results of matmul and gemm.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

spec::Expected<spec::OperandDescriptor> MatmulOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(a, adaptor.getA(), "a");
  WEBNN_OPERAND(b, adaptor.getB(), "b");
  return spec::matmul(a, b);
}

spec::Expected<spec::OperandDescriptor> GemmOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(a, adaptor.getA(), "a");
  WEBNN_OPERAND(b, adaptor.getB(), "b");
  if (adaptor.getC()) {
    WEBNN_OPERAND(c, adaptor.getC(), "c");
    (void)c;
  }
  return spec::gemm(a, b, optionsOf<spec::GemmOptions>(adaptor));
}
