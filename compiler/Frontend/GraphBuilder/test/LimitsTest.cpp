// SPDX-License-Identifier: Apache-2.0
// `webnnc --limits` against the frontend: for the element-wise and
// reduction families, every data type the limits list builds through
// GraphBuilder at both ends of the rank range, and every type they leave
// out is rejected.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Spec/Limits.h"

using namespace webnnc;

namespace {

using G = GraphBuilder;

const std::map<std::string, G::Unary> &unaries() {
  static const std::map<std::string, G::Unary> m = {
      {"abs", &G::abs},         {"ceil", &G::ceil},
      {"cos", &G::cos},         {"erf", &G::erf},
      {"exp", &G::exp},         {"floor", &G::floor},
      {"identity", &G::identity}, {"log", &G::log},
      {"neg", &G::neg},         {"reciprocal", &G::reciprocal},
      {"roundEven", &G::roundEven}, {"sign", &G::sign},
      {"sin", &G::sin},         {"sqrt", &G::sqrt},
      {"tan", &G::tan},         {"logicalNot", &G::logicalNot},
      {"isNaN", &G::isNaN},     {"isInfinite", &G::isInfinite},
      {"gelu", &G::gelu},       {"hardSwish", &G::hardSwish},
      {"relu", &G::relu},       {"sigmoid", &G::sigmoid},
      {"softplus", &G::softplus}, {"softsign", &G::softsign},
      {"tanh", &G::tanh}};
  return m;
}

const std::map<std::string, G::Binary> &binaries() {
  static const std::map<std::string, G::Binary> m = {
      {"add", &G::add},       {"sub", &G::sub},
      {"mul", &G::mul},       {"div", &G::div},
      {"max", &G::max},       {"min", &G::min},
      {"pow", &G::pow},       {"equal", &G::equal},
      {"notEqual", &G::notEqual}, {"greater", &G::greater},
      {"greaterOrEqual", &G::greaterOrEqual}, {"lesser", &G::lesser},
      {"lesserOrEqual", &G::lesserOrEqual}, {"logicalAnd", &G::logicalAnd},
      {"logicalOr", &G::logicalOr}, {"logicalXor", &G::logicalXor}};
  return m;
}

const std::map<std::string, G::Reduce> &reductions() {
  static const std::map<std::string, G::Reduce> m = {
      {"reduceL1", &G::reduceL1},   {"reduceL2", &G::reduceL2},
      {"reduceLogSum", &G::reduceLogSum},
      {"reduceLogSumExp", &G::reduceLogSumExp},
      {"reduceMax", &G::reduceMax}, {"reduceMean", &G::reduceMean},
      {"reduceMin", &G::reduceMin}, {"reduceProduct", &G::reduceProduct},
      {"reduceSum", &G::reduceSum}, {"reduceSumSquare", &G::reduceSumSquare}};
  return m;
}

// Builds |method| on inputs of |type| and |rank| through the frontend.
bool builds(const std::string &method, DataType type, size_t rank) {
  GraphBuilder b;
  OperandDescriptor desc{type, Shape(rank, 2)};
  Operand x = b.input("x", desc), y = b.input("y", desc);
  Operand out;
  if (auto u = unaries().find(method); u != unaries().end())
    out = (b.*u->second)(x, {});
  else if (auto bi = binaries().find(method); bi != binaries().end())
    out = (b.*bi->second)(x, y, {});
  else
    out = (b.*reductions().at(method))(x, {});
  return out.valid();
}

TEST(Limits, AgreeWithTheFrontend) {
  spec::SupportLimits all = spec::opSupportLimits();
  int checked = 0;
  for (const spec::OpLimits &op : all.ops) {
    bool known = unaries().count(op.method) || binaries().count(op.method) ||
                 reductions().count(op.method);
    if (!known)
      continue;
    const spec::TensorLimits &l = op.operands.front().limits;
    for (DataType t : spec::kAllDataTypes) {
      bool listed = std::find(l.dataTypes.begin(), l.dataTypes.end(), t) !=
                    l.dataTypes.end();
      if (listed) {
        EXPECT_TRUE(builds(op.method, t, l.minRank))
            << op.method << " " << spec::toString(t) << " rank " << l.minRank;
        EXPECT_TRUE(builds(op.method, t, l.maxRank))
            << op.method << " " << spec::toString(t) << " rank " << l.maxRank;
        EXPECT_FALSE(builds(op.method, t, l.maxRank + 1))
            << op.method << " " << spec::toString(t) << " past its ranks";
      } else {
        EXPECT_FALSE(builds(op.method, t, l.minRank))
            << op.method << " " << spec::toString(t) << " is not listed";
      }
    }
    ++checked;
  }
  EXPECT_EQ(checked, int(unaries().size() + binaries().size() +
                         reductions().size()));
}

} // namespace
