// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: graphs it builds, and the exact error of each bad call.
#include <gtest/gtest.h>

#include <vector>

#include "webnnc/Frontend/GraphBuilder.h"

using namespace webnnc;

namespace {

OperandDescriptor f32(Shape shape) { return {DataType::Float32, shape}; }

std::string errorOf(const Operand &operand) {
  return operand.error() ? operand.error()->message() : "<no error>";
}

TEST(GraphBuilder, BuildsAGraphWithNamedInputsAndOutputs) {
  GraphBuilder b;
  Operand x = b.input("x", f32({1, 2, 6, 6}));
  std::vector<float> weights(3 * 2 * 3 * 3, 0.5f);
  Operand w = b.constant<float>(f32({3, 2, 3, 3}), weights);
  Operand bias = b.constant(f32({3}), 0.25);
  Operand y = b.conv2d(x, w, {.padding = {1, 1, 1, 1}, .bias = bias});
  ASSERT_TRUE(y) << errorOf(y);
  EXPECT_EQ(y.shape(), (Shape{1, 3, 6, 6}));
  Operand z = b.relu(b.maxPool2d(y, {.windowDimensions = {2, 2},
                                     .strides = {2, 2},
                                     .label = "pool"}));
  ASSERT_TRUE(z);
  auto graph = b.build({{"z", z}, {"y", y}});
  ASSERT_TRUE(graph) << graph.error().message();

  auto inputs = graph->inputs();
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].name, "x");
  EXPECT_EQ(inputs[0].descriptor, f32({1, 2, 6, 6}));
  auto outputs = graph->outputs();
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_EQ(outputs[0].name, "y"); // outputs are ordered by name
  EXPECT_EQ(outputs[1].descriptor, f32({1, 3, 3, 3}));

  std::string text = graph->toMlir(/*elideLargeConstants=*/true);
  EXPECT_NE(text.find("webnn.conv2d"), std::string::npos) << text;
  EXPECT_NE(text.find("padding = array<i64: 1, 1, 1, 1>"), std::string::npos);
  // The weights (54 elements) are a resource blob, the bias a splat.
  EXPECT_NE(text.find("dense_resource<constant"), std::string::npos);
  EXPECT_NE(text.find("dense<2.500000e-01> : tensor<3xf32>"), std::string::npos);
}


TEST(GraphBuilder, ReportsTheRuleAnOperationBreaks) {
  GraphBuilder b;
  Operand x = b.input("x", f32({1, 4, 5, 5}));
  Operand w = b.input("w", f32({2, 4, 3}));
  EXPECT_EQ(errorOf(b.conv2d(x, w, {.label = "conv1"})),
            "conv2d 'conv1': filter: rank must be 4, got 3");
  EXPECT_EQ(errorOf(b.add(x, b.input("i", {DataType::Int32, {5}}))),
            "add: b: data type int32 must match a's float32");
  EXPECT_EQ(errorOf(b.softmax(x, 4)), "softmax: axis: must be in [0, 4), got 4");
  EXPECT_EQ(errorOf(b.clamp(x, {.minValue = 1, .maxValue = 0})),
            "clamp: minValue: must not be greater than maxValue");
  EXPECT_EQ(errorOf(b.maxPool2d(x, {.strides = {1}})),
            "maxPool2d: strides: must have 2 values, got 1");
  EXPECT_EQ(errorOf(b.gemm(b.input("a", f32({2, 3})),
                           b.input("b", f32({4, 5})))),
            "gemm: b: K dimension (4) must equal a's K dimension (3)");
  EXPECT_EQ(errorOf(b.reshape(x, {7})),
            "reshape: newShape: element count of [7] (7) must equal the "
            "input's (100)");
  EXPECT_EQ(errorOf(b.transpose(x, {.permutation = {0, 1, 2, 2}})),
            "transpose: permutation: value 2 is repeated");
  EXPECT_EQ(errorOf(b.sigmoid(b.input("u", {DataType::Uint8, {2}}))),
            "sigmoid: input: data type uint8 is not allowed (allowed: "
            "float32, float16)");
}

TEST(GraphBuilder, ErrorsPropagateToBuild) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2, 3}));
  Operand bad = b.matmul(x, x, {.label = "mm"});
  ASSERT_FALSE(bad);
  Operand downstream = b.relu(b.add(bad, x));
  ASSERT_FALSE(downstream);
  // The root cause travels unchanged.
  EXPECT_EQ(errorOf(downstream),
            "matmul 'mm': b: rows (2) must equal a's columns (3)");
  auto graph = b.build({{"y", downstream}});
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().message(),
            "matmul 'mm': b: rows (2) must equal a's columns (3)");
  EXPECT_EQ(graph.error().op, "matmul");
  EXPECT_EQ(graph.error().operand, "b");
}

TEST(GraphBuilder, RejectsBadInputsAndConstants) {
  GraphBuilder b;
  EXPECT_EQ(errorOf(b.input("", f32({1}))), "input: name: must not be empty");
  Operand x = b.input("x", f32({2}));
  EXPECT_TRUE(x);
  EXPECT_EQ(errorOf(b.input("x", f32({3}))),
            "input: name: 'x' is already used by an input");
  EXPECT_EQ(errorOf(b.input("z", f32({2, 0}))),
            "input: descriptor: dimensions must be between 1 and 4294967295, "
            "got [2,0]");
  std::vector<float> three(3);
  EXPECT_EQ(errorOf(b.constant<float>(f32({2, 2}), three)),
            "constant: data: holds 12 bytes, the descriptor needs 16");
}

TEST(GraphBuilder, RejectsOperandsOfOtherBuilders) {
  GraphBuilder a, b;
  Operand x = a.input("x", f32({2}));
  Operand y = b.input("y", f32({2}));
  EXPECT_EQ(errorOf(b.add(y, x)),
            "add: b: belongs to a different GraphBuilder");
  EXPECT_EQ(errorOf(b.relu(Operand())),
            "relu: input: is not an operand of any GraphBuilder");
}

TEST(GraphBuilder, BuildRules) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2}));
  Operand c = b.constant(f32({2}), 1.0);
  EXPECT_EQ(b.build({}).error().message(), "build: outputs: must not be empty");
  EXPECT_EQ(b.build({{"x", x}}).error().message(),
            "build: x: is a graph input; outputs must be computed by an "
            "operation");
  EXPECT_EQ(b.build({{"c", c}}).error().message(),
            "build: c: is a constant; outputs must be computed by an "
            "operation");
  ASSERT_TRUE(b.build({{"y", b.add(x, c)}}));
  EXPECT_EQ(b.build({{"y", b.add(x, c)}}).error().message(),
            "build: the builder has already built its graph");
  EXPECT_EQ(errorOf(b.relu(x)), "relu: the builder has already built its graph");
}

TEST(GraphBuilder, BuildKeepsOnlyWhatOutputsNeed) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2}));
  Operand unused = b.input("unused", f32({2}));
  Operand y = b.relu(x);
  b.sigmoid(unused); // never an output
  auto graph = b.build({{"y", y}});
  ASSERT_TRUE(graph);
  ASSERT_EQ(graph->inputs().size(), 1u);
  EXPECT_EQ(graph->inputs()[0].name, "x");
  EXPECT_EQ(graph->toMlir().find("webnn.sigmoid"), std::string::npos);
}

TEST(Graph, ParseReportsFileLineAndColumn) {
  auto graph = Graph::parse(R"mlir(
func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
  %0 = webnn.softmax %x {axis = 5 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
)mlir",
                            "bad.mlir");
  ASSERT_FALSE(graph);
  EXPECT_NE(graph.error().find("bad.mlir:3:8: error: 'webnn.softmax' op axis: "
                               "must be in [0, 2), got 5"),
            std::string::npos)
      << graph.error();
}

TEST(Graph, ParseChecksGraphStructure) {
  auto unnamed = Graph::parse(R"mlir(
func.func @main(%x: tensor<2xf32>) -> (tensor<2xf32> {webnn.name = "y"}) {
  %0 = webnn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
)mlir",
                              "g.mlir");
  ASSERT_FALSE(unnamed);
  EXPECT_NE(unnamed.error().find("input #0 has no 'webnn.name' string "
                                 "attribute"),
            std::string::npos)
      << unnamed.error();
  auto twoFunctions = Graph::parse("func.func @a() { return }\n"
                                   "func.func @b() { return }\n",
                                   "g.mlir");
  ASSERT_FALSE(twoFunctions);
  EXPECT_NE(twoFunctions.error().find("exactly one func.func, found 2"),
            std::string::npos);
}

} // namespace
