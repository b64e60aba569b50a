// SPDX-License-Identifier: Apache-2.0
// The element-wise operations.
#include <cmath>

#include "Common.h"
#include "webnnc/Spec/ElementwiseOps.h"

namespace webnnc::spec {
using namespace detail;

std::string_view toString(BinaryKind kind) {
  switch (kind) {
  case BinaryKind::Add: return "add";
  case BinaryKind::Sub: return "sub";
  case BinaryKind::Mul: return "mul";
  case BinaryKind::Div: return "div";
  case BinaryKind::Max: return "max";
  case BinaryKind::Min: return "min";
  case BinaryKind::Pow: return "pow";
  case BinaryKind::Equal: return "equal";
  case BinaryKind::NotEqual: return "notEqual";
  case BinaryKind::Greater: return "greater";
  case BinaryKind::GreaterOrEqual: return "greaterOrEqual";
  case BinaryKind::Lesser: return "lesser";
  case BinaryKind::LesserOrEqual: return "lesserOrEqual";
  case BinaryKind::LogicalAnd: return "logicalAnd";
  case BinaryKind::LogicalOr: return "logicalOr";
  case BinaryKind::LogicalXor: return "logicalXor";
  }
  return "?";
}

bool isComparison(BinaryKind kind) {
  return kind >= BinaryKind::Equal && kind <= BinaryKind::LesserOrEqual;
}

bool isLogical(BinaryKind kind) { return kind >= BinaryKind::LogicalAnd; }

Expected<OperandDescriptor> elementwiseBinary(BinaryKind kind,
                                              const OperandDescriptor &a,
                                              const OperandDescriptor &b) {
  // Arithmetic and comparison accept any data type; logical ops uint8.
  if (isLogical(kind))
    WEBNNC_SPEC_CHECK(checkDataType(a, "a", {DataType::Uint8}));
  // Four-bit types are storage types here: ops that select or compare
  // take them, arithmetic (whose results may leave the range) does not.
  bool arithmetic = !isComparison(kind) && !isLogical(kind) &&
                    kind != BinaryKind::Max && kind != BinaryKind::Min;
  if (arithmetic && isFourBit(a.dataType))
    return makeError("a", "webnnc does no arithmetic on " +
                              std::string(toString(a.dataType)) +
                              "; dequantizeLinear it first");
  WEBNNC_SPEC_CHECK(checkSameType(b, "b", a, "a"));
  Expected<Shape> shape = broadcastShapes(a.shape, b.shape);
  if (!shape)
    return shape.error();
  DataType type =
      isComparison(kind) || isLogical(kind) ? DataType::Uint8 : a.dataType;
  return OperandDescriptor{type, *shape};
}

std::string_view toString(UnaryKind kind) {
  switch (kind) {
#define WEBNNC_UNARY_NAME(method, Kind, types, result, Options)                \
  case UnaryKind::Kind:                                                        \
    return #method;
    WEBNNC_UNARY_OPS(WEBNNC_UNARY_NAME)
#undef WEBNNC_UNARY_NAME
  }
  return "?";
}

DataTypeSet allowedDataTypes(UnaryKind kind) {
  switch (kind) {
#define WEBNNC_UNARY_TYPES(method, Kind, types, result, Options)               \
  case UnaryKind::Kind:                                                        \
    return types;
    WEBNNC_UNARY_OPS(WEBNNC_UNARY_TYPES)
#undef WEBNNC_UNARY_TYPES
  }
  return {};
}

namespace {
// A row's result data type.
enum class UnaryResult { Same, Uint8 };
UnaryResult resultOf(UnaryKind kind) {
  switch (kind) {
#define WEBNNC_UNARY_RESULT(method, Kind, types, result, Options)              \
  case UnaryKind::Kind:                                                        \
    return UnaryResult::result;
    WEBNNC_UNARY_OPS(WEBNNC_UNARY_RESULT)
#undef WEBNNC_UNARY_RESULT
  }
  return UnaryResult::Same;
}
} // namespace

Expected<OperandDescriptor> elementwiseUnary(UnaryKind kind,
                                             const OperandDescriptor &input) {
  const char *name = kind == UnaryKind::LogicalNot ? "a" : "input";
  WEBNNC_SPEC_CHECK(checkDataType(input, name, allowedDataTypes(kind)));
  if (resultOf(kind) == UnaryResult::Uint8)
    return OperandDescriptor{DataType::Uint8, input.shape};
  return input;
}

Expected<OperandDescriptor> clamp(const OperandDescriptor &input,
                                  const ClampOptions &options) {
  // A NaN bound compares false, so it passes this step and clamps nothing
  // (as the WPT vectors expect).
  double lo = options.minValue.value_or(-INFINITY);
  double hi = options.maxValue.value_or(INFINITY);
  if (lo > hi)
    return makeError("minValue", "must not be greater than maxValue");
  return input;
}

Expected<OperandDescriptor> prelu(const OperandDescriptor &input,
                                  const OperandDescriptor &slope) {
  WEBNNC_SPEC_CHECK(checkDataType(input, "input", kSignedNumberTypes));
  WEBNNC_SPEC_CHECK(checkSameType(slope, "slope", input, "input"));
  Expected<Shape> shape =
      broadcastShapes(input.shape, slope.shape, "input", "slope");
  if (!shape)
    return shape.error();
  return OperandDescriptor{input.dataType, *shape};
}

Expected<OperandDescriptor> where(const OperandDescriptor &condition,
                                  const OperandDescriptor &trueValue,
                                  const OperandDescriptor &falseValue) {
  WEBNNC_SPEC_CHECK(checkDataType(condition, "condition", {DataType::Uint8}));
  WEBNNC_SPEC_CHECK(
      checkSameType(falseValue, "falseValue", trueValue, "trueValue"));
  Expected<Shape> values = broadcastShapes(trueValue.shape, falseValue.shape,
                                           "trueValue", "falseValue");
  if (!values)
    return values.error();
  Expected<Shape> shape =
      broadcastShapes(*values, condition.shape, "trueValue/falseValue",
                      "condition");
  if (!shape)
    return shape.error();
  return OperandDescriptor{trueValue.dataType, *shape};
}

Expected<OperandDescriptor> cast(const OperandDescriptor &input,
                                 DataType type) {
  // Casting to a four-bit type would need its own wrap-around rule; the
  // spec's way to make int4/uint4 values is quantizeLinear.
  if (isFourBit(type))
    return makeError("type", "webnnc does not cast to " +
                                 std::string(toString(type)) +
                                 "; quantizeLinear produces four-bit values");
  OperandDescriptor out{type, input.shape};
  WEBNNC_SPEC_CHECK(checkDescriptor(out, "output", /*allowOpen=*/true));
  return out;
}

} // namespace webnnc::spec
