// SPDX-License-Identifier: Apache-2.0
#include "QuantizationParams.h"

#include <cmath>

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Reference/Evaluator.h"

namespace webnnc::quantization {
using namespace mlir;

namespace {

// Constants reached through at most this many ops.
constexpr int kMaxDepth = 4;

std::optional<HostTensor> evaluate(Value value, int depth,
                                   int64_t maxElements) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() > maxElements)
    return std::nullopt;
  Operation *op = value.getDefiningOp();
  if (!op || op->getNumResults() != 1)
    return std::nullopt;
  if (isa<webnn::ConstantOp>(op)) {
    auto constant = reference::constantValue(op);
    return constant ? std::optional(std::move(*constant)) : std::nullopt;
  }
  if (depth == 0 || op->getNumOperands() == 0 || !op->getDialect() ||
      op->getDialect()->getNamespace() != "webnn")
    return std::nullopt;
  std::vector<HostTensor> operands;
  for (Value operand : op->getOperands()) {
    std::optional<HostTensor> v = evaluate(operand, depth - 1, maxElements);
    if (!v)
      return std::nullopt;
    operands.push_back(std::move(*v));
  }
  auto results = reference::evaluateOperation(op, operands);
  if (!results || results->size() != 1)
    return std::nullopt;
  return std::move(results->front());
}

// The one value all of |t|'s elements hold.
std::optional<double> uniform(const HostTensor &t) {
  if (t.elementCount() == 0)
    return std::nullopt;
  double first = t.at(0);
  for (size_t i = 1; i < t.elementCount(); ++i)
    if (t.at(i) != first)
      return std::nullopt;
  return first;
}

} // namespace

std::optional<HostTensor> constantValue(Value value, int64_t maxElements) {
  return evaluate(value, kMaxDepth, maxElements);
}

std::optional<PerTensor> perTensor(Value scale, Value zeroPoint) {
  std::optional<HostTensor> s = constantValue(scale);
  std::optional<HostTensor> z = constantValue(zeroPoint);
  if (!s || !z || s->dataType() != spec::DataType::Float32)
    return std::nullopt;
  spec::DataType type = z->dataType();
  if (type != spec::DataType::Uint8 && type != spec::DataType::Int8)
    return std::nullopt;
  std::optional<double> scaleValue = uniform(*s), zeroValue = uniform(*z);
  if (!scaleValue || !zeroValue || !(*scaleValue > 0) ||
      !std::isfinite(*scaleValue))
    return std::nullopt;
  return PerTensor{float(*scaleValue), int64_t(*zeroValue), type};
}

int64_t lowest(spec::DataType type) {
  return type == spec::DataType::Int8 ? -128 : 0;
}

int64_t highest(spec::DataType type) {
  return type == spec::DataType::Int8 ? 127 : 255;
}

} // namespace webnnc::quantization
