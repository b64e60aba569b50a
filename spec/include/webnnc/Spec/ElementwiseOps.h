// SPDX-License-Identifier: Apache-2.0
// Element-wise operations: arithmetic, comparison, logical, unary math and
// activations, clamp, prelu, where and cast.
#ifndef WEBNNC_SPEC_ELEMENTWISEOPS_H_
#define WEBNNC_SPEC_ELEMENTWISEOPS_H_

#include <string_view>

#include "webnnc/Spec/Broadcast.h"
#include "webnnc/Spec/Options.h"

namespace webnnc::spec {

// Binary operations with bidirectional broadcasting. Comparison and logical
// operations produce uint8 (0 or 1).
enum class BinaryKind {
  Add, Sub, Mul, Div, Max, Min, Pow,
  Equal, NotEqual, Greater, GreaterOrEqual, Lesser, LesserOrEqual,
  LogicalAnd, LogicalOr, LogicalXor,
};
std::string_view toString(BinaryKind kind); // the MLGraphBuilder method
bool isComparison(BinaryKind kind);
bool isLogical(BinaryKind kind);
Expected<OperandDescriptor> elementwiseBinary(BinaryKind kind,
                                              const OperandDescriptor &a,
                                              const OperandDescriptor &b);

// Single-input element-wise operations, including the activations whose
// options are only coefficients: one row each, which declares the kind,
// the MLGraphBuilder method (frontend), the dialect op's result rule and
// the conformance runner's entry.
//   X(method, Kind, input data types, result data type, options dictionary)
// The dialect op is webnn::<Kind>Op; a result type of Same keeps the
// input's. logicalNot's operand is named "a" (elementwiseUnary).
#define WEBNNC_UNARY_OPS(X)                                                    \
  X(abs, Abs, kSignedNumberTypes, Same, OperatorOptions)                       \
  X(ceil, Ceil, kFloatTypes, Same, OperatorOptions)                            \
  X(cos, Cos, kFloatTypes, Same, OperatorOptions)                              \
  X(erf, Erf, kFloatTypes, Same, OperatorOptions)                              \
  X(exp, Exp, kFloatTypes, Same, OperatorOptions)                              \
  X(floor, Floor, kFloatTypes, Same, OperatorOptions)                          \
  X(identity, Identity, DataTypeSet::all(), Same, OperatorOptions)             \
  X(log, Log, kFloatTypes, Same, OperatorOptions)                              \
  X(neg, Neg, kSignedNumberTypes, Same, OperatorOptions)                       \
  X(reciprocal, Reciprocal, kFloatTypes, Same, OperatorOptions)                \
  X(roundEven, RoundEven, kFloatTypes, Same, OperatorOptions)                  \
  X(sign, Sign, kSignedNumberTypes, Same, OperatorOptions)                     \
  X(sin, Sin, kFloatTypes, Same, OperatorOptions)                              \
  X(sqrt, Sqrt, kFloatTypes, Same, OperatorOptions)                            \
  X(tan, Tan, kFloatTypes, Same, OperatorOptions)                              \
  X(logicalNot, LogicalNot, DataTypeSet{DataType::Uint8}, Same,                \
    OperatorOptions)                                                           \
  X(isNaN, IsNaN, kFloatTypes, Uint8, OperatorOptions)                         \
  X(isInfinite, IsInfinite, kFloatTypes, Uint8, OperatorOptions)               \
  X(elu, Elu, kFloatTypes, Same, EluOptions)                                   \
  X(gelu, Gelu, kFloatTypes, Same, OperatorOptions)                            \
  X(hardSigmoid, HardSigmoid, kFloatTypes, Same, HardSigmoidOptions)           \
  X(hardSwish, HardSwish, kFloatTypes, Same, OperatorOptions)                  \
  X(leakyRelu, LeakyRelu, kFloatTypes, Same, LeakyReluOptions)                 \
  X(linear, Linear, kFloatTypes, Same, LinearOptions)                          \
  X(relu, Relu, kSignedNumberTypes, Same, OperatorOptions)                     \
  X(sigmoid, Sigmoid, kFloatTypes, Same, OperatorOptions)                      \
  X(softplus, Softplus, kFloatTypes, Same, OperatorOptions)                    \
  X(softsign, Softsign, kFloatTypes, Same, OperatorOptions)                    \
  X(tanh, Tanh, kFloatTypes, Same, OperatorOptions)

#define WEBNNC_UNARY_KIND(method, Kind, types, result, Options) Kind,
enum class UnaryKind { WEBNNC_UNARY_OPS(WEBNNC_UNARY_KIND) };
#undef WEBNNC_UNARY_KIND
#define WEBNNC_UNARY_COUNT(method, Kind, types, result, Options) +1
inline constexpr int kUnaryKindCount = 0 WEBNNC_UNARY_OPS(WEBNNC_UNARY_COUNT);
#undef WEBNNC_UNARY_COUNT
std::string_view toString(UnaryKind kind);
DataTypeSet allowedDataTypes(UnaryKind kind);
Expected<OperandDescriptor> elementwiseUnary(UnaryKind kind,
                                             const OperandDescriptor &input);

Expected<OperandDescriptor> clamp(const OperandDescriptor &input,
                                  const ClampOptions &options);
Expected<OperandDescriptor> prelu(const OperandDescriptor &input,
                                  const OperandDescriptor &slope);
Expected<OperandDescriptor> where(const OperandDescriptor &condition,
                                  const OperandDescriptor &trueValue,
                                  const OperandDescriptor &falseValue);
Expected<OperandDescriptor> cast(const OperandDescriptor &input,
                                 DataType type);

} // namespace webnnc::spec

#endif // WEBNNC_SPEC_ELEMENTWISEOPS_H_
