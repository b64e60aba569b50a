// SPDX-License-Identifier: Apache-2.0
// Verifiers of matmul and gemm.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
using namespace mlir::webnn::detail;
namespace spec = webnnc::spec;

LogicalResult MatmulOp::verify() {
  auto a = readOperand(*this, getA(), "a");
  auto b = readOperand(*this, getB(), "b");
  if (failed(a) || failed(b))
    return failure();
  return verifyResult(*this, spec::matmul(*a, *b));
}

LogicalResult GemmOp::verify() {
  auto a = readOperand(*this, getA(), "a");
  auto b = readOperand(*this, getB(), "b");
  if (failed(a) || failed(b))
    return failure();
  if (getC() && failed(readOperand(*this, getC(), "c")))
    return failure();
  return verifyResult(*this, spec::gemm(*a, *b, gemmOptions(*this)));
}
