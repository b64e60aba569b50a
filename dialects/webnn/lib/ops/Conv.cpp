// SPDX-License-Identifier: Apache-2.0
// Verifiers of conv2d and the pooling operations.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
using namespace mlir::webnn::detail;
namespace spec = webnnc::spec;

LogicalResult Conv2dOp::verify() {
  auto input = readOperand(*this, getInput(), "input");
  auto filter = readOperand(*this, getFilter(), "filter");
  if (failed(input) || failed(filter))
    return failure();
  if (getBias() && failed(readOperand(*this, getBias(), "bias")))
    return failure();
  return verifyResult(*this,
                      spec::conv2d(*input, *filter, conv2dOptions(*this)));
}

namespace {
template <typename Op> LogicalResult verifyPool(Op op, spec::PoolKind kind) {
  auto input = readOperand(op, op.getInput(), "input");
  if (failed(input))
    return failure();
  return verifyResult(op, spec::pool2d(kind, *input, pool2dOptions(op)));
}
} // namespace

LogicalResult AveragePool2dOp::verify() {
  return verifyPool(*this, spec::PoolKind::Average);
}
LogicalResult L2Pool2dOp::verify() {
  return verifyPool(*this, spec::PoolKind::L2);
}
LogicalResult MaxPool2dOp::verify() {
  return verifyPool(*this, spec::PoolKind::Max);
}
