// SPDX-License-Identifier: Apache-2.0
// Cases for the agreement test: every op, over every data type its spec
// table allows, computed by the compiled path and by the reference
// evaluator on random inputs.
#ifndef WEBNNC_TESTS_E2E_AGREEMENT_AGREEMENT_H_
#define WEBNNC_TESTS_E2E_AGREEMENT_AGREEMENT_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "webnnc/Frontend/GraphBuilder.h"

namespace webnnc::test {

using Outputs = std::map<std::string, Operand>;

struct AgreementCase {
  std::string name;
  std::function<Outputs(GraphBuilder &)> build;
  double lo = -2, hi = 2; // random input range
  // Float tolerance: |actual - expected| <= atol + rtol * |expected|, with
  // rtol by output type. Integer outputs must match exactly.
  double rtol32 = 1e-6, rtol16 = 2e-3, atol = 0;
  double atol16 = -1; // float16's atol; -1: the same as atol
  // Integer outputs may differ by this many steps (quantized kernels round
  // a float formula computed another way).
  int64_t integerSteps = 0;
};

inline constexpr DataType kAllTypes[] = {
    DataType::Float32, DataType::Float16, DataType::Int32, DataType::Uint32,
    DataType::Int64,   DataType::Uint64,  DataType::Int8,  DataType::Uint8};
inline constexpr DataType kFloatTypes[] = {DataType::Float32,
                                           DataType::Float16};
// abs, neg, sign, relu, prelu.
inline constexpr DataType kSignedNumberTypes[] = {
    DataType::Float32, DataType::Float16, DataType::Int32, DataType::Int64,
    DataType::Int8};

// "f32", "f16", "i32", "u32", "i64", "u64", "i8", "u8".
std::string shortName(DataType type);

// A constant of |desc| with a deterministic pattern of values in about
// [-scale, scale] (non-negative for unsigned types), cast to its type.
Operand pattern(GraphBuilder &b, const OperandDescriptor &desc,
                double scale = 1.0);
// A constant of |type| and |shape| holding |values|.
Operand constantOf(GraphBuilder &b, DataType type, const Shape &shape,
                   const std::vector<double> &values);

// The case lists, one per op family.
std::vector<AgreementCase> elementwiseCases();
std::vector<AgreementCase> convPoolCases();
std::vector<AgreementCase> matmulNormalizationCases();
std::vector<AgreementCase> reductionCases();
std::vector<AgreementCase> shapeCases();
std::vector<AgreementCase> gatherQuantizeCases();
std::vector<AgreementCase> recurrentCases();
std::vector<AgreementCase> quantizedCases();

} // namespace webnnc::test

#endif // WEBNNC_TESTS_E2E_AGREEMENT_AGREEMENT_H_
