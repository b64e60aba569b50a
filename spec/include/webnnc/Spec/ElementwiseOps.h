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
// options are only coefficients (elu, hardSigmoid, leakyRelu, linear).
enum class UnaryKind {
  Abs, Ceil, Cos, Erf, Exp, Floor, Identity, Log, Neg, Reciprocal,
  RoundEven, Sign, Sin, Sqrt, Tan,
  LogicalNot, IsNaN, IsInfinite,
  Elu, Gelu, HardSigmoid, HardSwish, LeakyRelu, Linear, Relu, Sigmoid,
  Softplus, Softsign, Tanh,
};
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
