// SPDX-License-Identifier: Apache-2.0
// Broadcasting and the element-wise operations.
#include <cmath>

#include "Common.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc::spec {
using namespace detail;

Expected<Shape> broadcastShapes(const Shape &a, const Shape &b,
                                std::string_view aName,
                                std::string_view bName) {
  size_t rank = std::max(a.size(), b.size());
  Shape out(rank);
  for (size_t i = 0; i < rank; ++i) {
    // Align trailing dimensions; missing leading ones count as 1.
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return makeError(std::string(bName),
                       "shape " + toString(b) + " is not broadcastable with " +
                           std::string(aName) + "'s shape " + toString(a));
    out[i] = da == 1 ? db : da;
  }
  return out;
}

bool isUnidirectionallyBroadcastable(const Shape &from, const Shape &to) {
  if (from.size() > to.size())
    return false;
  size_t offset = to.size() - from.size();
  for (size_t i = 0; i < from.size(); ++i)
    if (from[i] != 1 && from[i] != to[offset + i])
      return false;
  return true;
}

std::string_view toString(BinaryKind kind) {
  switch (kind) {
  case BinaryKind::Add:
    return "add";
  case BinaryKind::Sub:
    return "sub";
  case BinaryKind::Mul:
    return "mul";
  case BinaryKind::Div:
    return "div";
  case BinaryKind::Max:
    return "max";
  case BinaryKind::Min:
    return "min";
  case BinaryKind::Pow:
    return "pow";
  }
  return "?";
}

Expected<OperandDescriptor> elementwiseBinary(BinaryKind kind,
                                              const OperandDescriptor &a,
                                              const OperandDescriptor &b) {
  (void)kind; // Every binary arithmetic op accepts any data type.
  WEBNNC_SPEC_CHECK(checkSameType(b, "b", a, "a"));
  Expected<Shape> shape = broadcastShapes(a.shape, b.shape);
  if (!shape)
    return shape.error();
  return OperandDescriptor{a.dataType, *shape};
}

std::string_view toString(UnaryKind kind) {
  switch (kind) {
  case UnaryKind::Relu:
    return "relu";
  case UnaryKind::Sigmoid:
    return "sigmoid";
  case UnaryKind::Tanh:
    return "tanh";
  }
  return "?";
}

DataTypeSet allowedDataTypes(UnaryKind kind) {
  switch (kind) {
  case UnaryKind::Relu:
    return {DataType::Float32, DataType::Float16, DataType::Int32,
            DataType::Int64, DataType::Int8};
  case UnaryKind::Sigmoid:
  case UnaryKind::Tanh:
    return kFloatTypes;
  }
  return {};
}

Expected<OperandDescriptor> elementwiseUnary(UnaryKind kind,
                                             const OperandDescriptor &input) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", allowedDataTypes(kind)));
  return input;
}

Expected<OperandDescriptor> clamp(const OperandDescriptor &input,
                                  const ClampOptions &options) {
  double lo = options.minValue.value_or(-INFINITY);
  double hi = options.maxValue.value_or(INFINITY);
  if (std::isnan(lo) || std::isnan(hi))
    return makeError(std::isnan(lo) ? "minValue" : "maxValue",
                     "must not be NaN");
  if (lo > hi)
    return makeError("minValue", "must not be greater than maxValue");
  return input;
}

} // namespace webnnc::spec
