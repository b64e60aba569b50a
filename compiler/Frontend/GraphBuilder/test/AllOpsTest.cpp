// SPDX-License-Identifier: Apache-2.0
// GraphBuilder over the whole op set: output descriptors, the attributes
// the ops carry into the IR, and the errors of bad calls (including the
// ops returning several operands).
#include <gtest/gtest.h>

#include "webnnc/Frontend/GraphBuilder.h"

using namespace webnnc;

namespace {

OperandDescriptor f32(Shape shape) { return {DataType::Float32, shape}; }
OperandDescriptor desc(DataType t, Shape shape) { return {t, shape}; }

std::string errorOf(const Operand &operand) {
  return operand.error() ? operand.error()->message() : "<no error>";
}

TEST(AllOps, OutputDescriptors) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2, 3, 4}));
  Operand i = b.input("i", desc(DataType::Int32, {2, 3, 4}));
  EXPECT_EQ(b.equal(x, x).descriptor(), desc(DataType::Uint8, {2, 3, 4}));
  EXPECT_EQ(b.isNaN(x).dataType(), DataType::Uint8);
  EXPECT_EQ(b.cast(x, DataType::Int8).descriptor(), desc(DataType::Int8, {2, 3, 4}));
  EXPECT_EQ(b.reduceSum(x, {.axes = std::vector<int64_t>{1}}).shape(), (Shape{2, 4}));
  EXPECT_EQ(b.reduceMax(i, {.keepDimensions = true}).shape(), (Shape{1, 1, 1}));
  EXPECT_EQ(b.argMax(x, 2, {.outputDataType = DataType::Int64}).descriptor(),
            desc(DataType::Int64, {2, 3}));
  EXPECT_EQ(b.concat({x, x}, 2).shape(), (Shape{2, 3, 8}));
  EXPECT_EQ(b.pad(x, {1, 0, 2}, {0, 1, 2}).shape(), (Shape{3, 4, 8}));
  EXPECT_EQ(b.slice(x, {0, 1, 0}, {2, 2, 4}, {.strides = {1, 1, 3}}).shape(),
            (Shape{2, 2, 2}));
  EXPECT_EQ(b.tile(x, {1, 2, 3}).shape(), (Shape{2, 6, 12}));
  EXPECT_EQ(b.expand(b.input("c", f32({3, 1})), {2, 3, 5}).shape(),
            (Shape{2, 3, 5}));
  Operand idx = b.input("idx", desc(DataType::Int64, {5}));
  EXPECT_EQ(b.gather(x, idx, {.axis = 1}).shape(), (Shape{2, 5, 4}));
  EXPECT_EQ(b.convTranspose2d(b.input("img", f32({1, 2, 3, 3})),
                              b.input("w", f32({2, 4, 3, 3})),
                              {.strides = {2, 2}, .groups = 1})
                .shape(),
            (Shape{1, 4, 7, 7}));
  EXPECT_EQ(b.resample2d(b.input("r", f32({1, 1, 4, 6})), {.scales = {0.5, 1.5}})
                .shape(),
            (Shape{1, 1, 2, 9}));
}

TEST(AllOps, AttributesReachTheIR) {
  GraphBuilder b;
  Operand x = b.input("x", f32({1, 2, 3, 3}));
  Operand y = b.leakyRelu(x, {.alpha = 0.25});
  Operand z = b.instanceNormalization(y, {.epsilon = 0.01,
                                          .layout = InputOperandLayout::Nhwc});
  Operand w = b.pad(z, {0, 0, 1, 1}, {0, 0, 1, 1},
                    {.mode = PaddingMode::Reflection, .value = 0});
  auto graph = b.build({{"w", w}});
  ASSERT_TRUE(graph) << graph.error().message();
  std::string text = graph->toMlir();
  EXPECT_NE(text.find("webnn.leaky_relu %arg0 {alpha = 2.500000e-01 : f64}"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("epsilon = 1.000000e-02 : f64"), std::string::npos) << text;
  EXPECT_NE(text.find("layout = #webnn<layout nhwc>"), std::string::npos);
  EXPECT_NE(text.find("mode = #webnn<padding_mode reflection>"),
            std::string::npos);
  // Options at their spec default are not written.
  EXPECT_EQ(text.find("value ="), std::string::npos) << text;
}

TEST(AllOps, ReportsBrokenRules) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2, 3}));
  Operand u8 = b.input("u", desc(DataType::Uint8, {2, 3}));
  EXPECT_EQ(errorOf(b.logicalAnd(x, x)),
            "logicalAnd: a: data type float32 is not allowed (allowed: uint8)");
  EXPECT_EQ(errorOf(b.logicalNot(x)),
            "logicalNot: a: data type float32 is not allowed (allowed: uint8)");
  EXPECT_EQ(errorOf(b.gelu(u8, {.label = "act"})),
            "gelu 'act': input: data type uint8 is not allowed (allowed: "
            "float32, float16)");
  EXPECT_EQ(errorOf(b.where(x, x, x)),
            "where: condition: data type float32 is not allowed (allowed: uint8)");
  EXPECT_EQ(errorOf(b.reduceL2(x, {.axes = std::vector<int64_t>{0, 0}})),
            "reduceL2: axes: value 0 is repeated");
  EXPECT_EQ(errorOf(b.cumulativeSum(x, 2)),
            "cumulativeSum: axis: must be in [0, 2), got 2");
  EXPECT_EQ(errorOf(b.concat({}, 0)), "concat: inputs: must not be empty");
  EXPECT_EQ(errorOf(b.triangular(b.input("v", f32({3})))),
            "triangular: input: rank must be at least 2, got 1");
  EXPECT_EQ(errorOf(b.gatherND(x, b.input("ix", desc(DataType::Int32, {1, 3})))),
            "gatherND: indices: last dimension (3) must not exceed the input's "
            "rank (2)");
  EXPECT_EQ(errorOf(b.quantizeLinear(x, b.input("s", f32({2, 3})),
                                     b.input("z", f32({2, 3})))),
            "quantizeLinear: zeroPoint: data type float32 is not allowed "
            "(allowed: int32, uint32, int8, uint8, int4, uint4)");
  EXPECT_EQ(errorOf(b.batchNormalization(x, b.input("m", f32({2})),
                                         b.input("var", f32({3})))),
            "batchNormalization: mean: shape must be [3], got [2]");
}

TEST(AllOps, SeveralOutputsCarryTheErrorEach) {
  GraphBuilder b;
  Operand x = b.input("x", f32({6, 2}));
  std::vector<Operand> parts = b.split(x, 4);
  ASSERT_EQ(parts.size(), 4u); // as many as asked for
  for (const Operand &p : parts)
    EXPECT_EQ(errorOf(p), "split: splits: count 4 must divide the axis' size 6");
  std::vector<Operand> sized = b.split(x, std::vector<int64_t>{1, 2, 3});
  ASSERT_EQ(sized.size(), 3u);
  EXPECT_TRUE(sized[2]);
  EXPECT_EQ(sized[1].shape(), (Shape{2, 2}));

  Operand seq = b.input("seq", f32({3, 2, 4}));
  // Hidden size 2 needs 4 * 2 weight rows.
  Operand w = b.input("w", f32({1, 6, 4}));
  Operand r = b.input("r", f32({1, 8, 2}));
  std::vector<Operand> lstm = b.lstm(seq, w, r, 3, 2, {.returnSequence = true});
  ASSERT_EQ(lstm.size(), 3u); // hidden, cell, sequence
  for (const Operand &o : lstm)
    EXPECT_EQ(errorOf(o), "lstm: weight: shape must be [1,8,4], got [1,6,4]");
  // Using a failed output reports the root cause.
  auto graph = b.build({{"out", b.relu(lstm[1])}});
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().op, "lstm");
}

TEST(AllOps, RecurrentOutputsHaveTheSpecShapes) {
  GraphBuilder b;
  Operand seq = b.input("seq", f32({5, 2, 3}));
  std::vector<Operand> gru =
      b.gru(seq, b.input("w", f32({2, 12, 3})), b.input("r", f32({2, 12, 4})),
            5, 4,
            {.returnSequence = true,
             .direction = RecurrentNetworkDirection::Both});
  ASSERT_EQ(gru.size(), 2u);
  EXPECT_EQ(gru[0].shape(), (Shape{2, 2, 4}));
  EXPECT_EQ(gru[1].shape(), (Shape{5, 2, 2, 4}));
  std::vector<Operand> cell = b.lstmCell(
      b.input("x", f32({2, 3})), b.input("lw", f32({16, 3})),
      b.input("lr", f32({16, 4})), b.input("h", f32({2, 4})),
      b.input("c", f32({2, 4})), 4);
  ASSERT_EQ(cell.size(), 2u);
  EXPECT_EQ(cell[1].shape(), (Shape{2, 4}));
  auto graph = b.build({{"h", cell[0]}, {"seq", gru[1]}});
  ASSERT_TRUE(graph) << graph.error().message();
}

} // namespace
