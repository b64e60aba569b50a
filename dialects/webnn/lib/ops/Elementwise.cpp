// SPDX-License-Identifier: Apache-2.0
// Verifiers of the element-wise operations.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
using namespace mlir::webnn::detail;
namespace spec = webnnc::spec;

namespace {

template <typename Op> LogicalResult verifyBinary(Op op, spec::BinaryKind kind) {
  auto a = readOperand(op, op.getA(), "a");
  auto b = readOperand(op, op.getB(), "b");
  if (failed(a) || failed(b))
    return failure();
  return verifyResult(op, spec::elementwiseBinary(kind, *a, *b));
}

template <typename Op> LogicalResult verifyUnary(Op op, spec::UnaryKind kind) {
  auto input = readOperand(op, op.getInput(), "input");
  if (failed(input))
    return failure();
  return verifyResult(op, spec::elementwiseUnary(kind, *input));
}

} // namespace

LogicalResult AddOp::verify() { return verifyBinary(*this, spec::BinaryKind::Add); }
LogicalResult SubOp::verify() { return verifyBinary(*this, spec::BinaryKind::Sub); }
LogicalResult MulOp::verify() { return verifyBinary(*this, spec::BinaryKind::Mul); }
LogicalResult DivOp::verify() { return verifyBinary(*this, spec::BinaryKind::Div); }
LogicalResult MaxOp::verify() { return verifyBinary(*this, spec::BinaryKind::Max); }
LogicalResult MinOp::verify() { return verifyBinary(*this, spec::BinaryKind::Min); }
LogicalResult PowOp::verify() { return verifyBinary(*this, spec::BinaryKind::Pow); }

LogicalResult ReluOp::verify() { return verifyUnary(*this, spec::UnaryKind::Relu); }
LogicalResult SigmoidOp::verify() {
  return verifyUnary(*this, spec::UnaryKind::Sigmoid);
}
LogicalResult TanhOp::verify() { return verifyUnary(*this, spec::UnaryKind::Tanh); }

LogicalResult ClampOp::verify() {
  auto input = readOperand(*this, getInput(), "input");
  if (failed(input))
    return failure();
  return verifyResult(*this, spec::clamp(*input, clampOptions(*this)));
}
