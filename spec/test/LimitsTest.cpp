// SPDX-License-Identifier: Apache-2.0
// opSupportLimits(): every op and operand has limits, and they say what
// the spec's tables say (data types and ranks per op).
#include <gtest/gtest.h>

#include <algorithm>

#include "webnnc/Spec/Limits.h"

using namespace webnnc::spec;

namespace {

const TensorLimits &limitsOf(const SupportLimits &all, const std::string &op,
                             const std::string &operand) {
  for (const OpLimits &o : all.ops)
    if (o.method == op)
      for (const OperandLimits &l : o.operands)
        if (l.name == operand)
          return l.limits;
  static TensorLimits none;
  ADD_FAILURE() << op << "." << operand << " has no limits";
  return none;
}

bool allows(const TensorLimits &l, DataType t) {
  return std::find(l.dataTypes.begin(), l.dataTypes.end(), t) !=
         l.dataTypes.end();
}

TEST(Limits, EveryOperandOfEveryOpHasSome) {
  SupportLimits all = opSupportLimits();
  EXPECT_GE(all.ops.size(), 95u);
  for (const OpLimits &op : all.ops)
    for (const OperandLimits &operand : op.operands) {
      EXPECT_FALSE(operand.limits.dataTypes.empty())
          << op.method << "." << operand.name;
      EXPECT_LE(operand.limits.minRank, operand.limits.maxRank)
          << op.method << "." << operand.name;
      EXPECT_LE(operand.limits.maxRank, kMaxRank);
    }
}

TEST(Limits, FollowTheSpecTables) {
  SupportLimits all = opSupportLimits();
  const TensorLimits &softmax = limitsOf(all, "softmax", "input");
  EXPECT_EQ(softmax.dataTypes,
            (std::vector<DataType>{DataType::Float32, DataType::Float16}));
  EXPECT_EQ(softmax.minRank, 1u);
  const TensorLimits &conv = limitsOf(all, "conv2d", "input");
  EXPECT_EQ(conv.minRank, 4u);
  EXPECT_EQ(conv.maxRank, 4u);
  EXPECT_EQ(limitsOf(all, "conv2d", "filter").minRank, 4u);
  // webnn #912 and #891.
  EXPECT_FALSE(allows(limitsOf(all, "cumulativeSum", "input"), DataType::Int8));
  EXPECT_TRUE(allows(limitsOf(all, "cumulativeSum", "input"), DataType::Int64));
  EXPECT_TRUE(allows(limitsOf(all, "resample2d", "input"), DataType::Uint8));
  EXPECT_FALSE(allows(limitsOf(all, "resample2d", "input"), DataType::Int32));
  // Indices are int32 or int64 (uint32 too, as the spec allows).
  const TensorLimits &indices = limitsOf(all, "gather", "indices");
  EXPECT_TRUE(allows(indices, DataType::Int32));
  EXPECT_TRUE(allows(indices, DataType::Int64));
  EXPECT_FALSE(allows(indices, DataType::Float32));
  EXPECT_EQ(limitsOf(all, "where", "condition").dataTypes,
            std::vector<DataType>{DataType::Uint8});
  EXPECT_EQ(limitsOf(all, "batchNormalization", "mean").maxRank, 1u);
  EXPECT_EQ(all.input.maxRank, kMaxRank);
}

TEST(Limits, JsonHasEveryOp) {
  SupportLimits all = opSupportLimits();
  std::string json = toJson(all);
  for (const OpLimits &op : all.ops)
    EXPECT_NE(json.find("\"" + op.method + "\": {"), std::string::npos)
        << op.method;
  EXPECT_NE(json.find("\"maxTensorByteLength\": 2147483647"),
            std::string::npos);
}

} // namespace
