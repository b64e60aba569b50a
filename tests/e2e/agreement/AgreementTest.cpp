// SPDX-License-Identifier: Apache-2.0
// The compiled path (frontend, passes, Halide kernels, LLVM glue, link,
// load) agrees with the reference evaluator on random inputs, for every op
// and every data type it allows.
#include <gtest/gtest.h>

#include <cmath>

#include "../E2ETestUtils.h"
#include "Agreement.h"
#include "webnnc/Reference/Evaluator.h"
#include "webnnc/Support/HostTensor.h"

namespace webnnc::test {

std::string shortName(DataType type) {
  switch (type) {
  case DataType::Float32: return "f32";
  case DataType::Float16: return "f16";
  case DataType::Int32: return "i32";
  case DataType::Uint32: return "u32";
  case DataType::Int64: return "i64";
  case DataType::Uint64: return "u64";
  case DataType::Int8: return "i8";
  case DataType::Uint8: return "u8";
  case DataType::Int4: return "i4";
  case DataType::Uint4: return "u4";
  }
  return "?";
}

Operand constantOf(GraphBuilder &b, DataType type, const Shape &shape,
                   const std::vector<double> &values) {
  HostTensor t = HostTensor::fromDoubles({type, shape}, values);
  return b.constant(t.descriptor(),
                    std::span<const std::byte>(t.data(), t.byteSize()));
}

Operand pattern(GraphBuilder &b, const OperandDescriptor &desc, double scale) {
  std::vector<double> values(spec::elementCount(desc.shape));
  bool isUnsigned = !spec::isSigned(desc.dataType);
  for (size_t i = 0; i < values.size(); ++i) {
    double v = scale * (double((i * 7919 + 13) % 97) / 48.5 - 1.0);
    if (isUnsigned)
      v = std::fabs(v);
    values[i] = spec::isFloatingPoint(desc.dataType) ? v : std::round(v);
  }
  return constantOf(b, desc.dataType, desc.shape, values);
}

// gtest prints parameters with this instead of their bytes.
void PrintTo(const AgreementCase &c, std::ostream *os) { *os << c.name; }

namespace {

std::vector<AgreementCase> allCases() {
  std::vector<AgreementCase> all;
  for (auto family : {elementwiseCases, convPoolCases,
                      matmulNormalizationCases, reductionCases, shapeCases,
                      gatherQuantizeCases, recurrentCases, quantizedCases}) {
    std::vector<AgreementCase> cases = family();
    all.insert(all.end(), cases.begin(), cases.end());
  }
  return all;
}

class Agreement : public ::testing::TestWithParam<AgreementCase> {};

TEST_P(Agreement, CompiledMatchesReference) {
  const AgreementCase &c = GetParam();
  GraphBuilder builder;
  auto graph = builder.build(c.build(builder));
  ASSERT_TRUE(graph) << graph.error().message();
  std::vector<NamedOperand> outputs = graph->outputs();
  auto inputs = randomInputs(*graph, /*seed=*/7, c.lo, c.hi);
  auto expected = reference::evaluate(*graph, inputs);
  ASSERT_TRUE(expected) << expected.error();
  auto actual = compileAndRun(*graph, inputs);
  ASSERT_TRUE(actual) << actual.error();
  ASSERT_EQ(actual->size(), expected->size());
  for (size_t i = 0; i < actual->size(); ++i) {
    bool half = outputs[i].descriptor.dataType == DataType::Float16;
    double rtol = half ? c.rtol16 : c.rtol32;
    double atol = half && c.atol16 >= 0 ? c.atol16 : c.atol;
    EXPECT_EQ(compare((*actual)[i], (*expected)[i], rtol, atol,
                      c.integerSteps),
              "")
        << "output '" << outputs[i].name << "'";
  }
}

INSTANTIATE_TEST_SUITE_P(Ops, Agreement, ::testing::ValuesIn(allCases()),
                         [](const auto &info) { return info.param.name; });

} // namespace
} // namespace webnnc::test
