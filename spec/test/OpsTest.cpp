// SPDX-License-Identifier: Apache-2.0
// The spec rules: output descriptors for valid arguments, and the exact
// rule reported for each kind of invalid argument.
#include <gtest/gtest.h>

#include "TestHelpers.h"
#include "webnnc/Spec/Ops.h"

using namespace webnnc::spec;
using namespace webnnc::spec::test;

namespace {

TEST(Broadcast, Bidirectional) {
  EXPECT_EQ(*broadcastShapes({2, 1, 4}, {3, 1}), (Shape{2, 3, 4}));
  EXPECT_EQ(*broadcastShapes({}, {5}), (Shape{5}));
  EXPECT_EQ(errorOf(broadcastShapes({2, 3}, {4}), "add"),
            "add: b: shape [4] is not broadcastable with a's shape [2,3]");
  EXPECT_TRUE(isUnidirectionallyBroadcastable({1, 4}, {3, 4}));
  EXPECT_FALSE(isUnidirectionallyBroadcastable({3, 4}, {1, 4}));
  EXPECT_FALSE(isUnidirectionallyBroadcastable({2, 3, 4}, {3, 4}));
}

TEST(Elementwise, BinaryTypesAndShapes) {
  auto out = elementwiseBinary(BinaryKind::Add, f32({2, 1}), f32({3}));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->shape, (Shape{2, 3}));
  EXPECT_EQ(errorOf(elementwiseBinary(BinaryKind::Mul, f32({2}),
                                      {DataType::Int32, {2}}),
                    "mul"),
            "mul: b: data type int32 must match a's float32");
  EXPECT_TRUE(elementwiseBinary(BinaryKind::Max, {DataType::Uint8, {4}},
                                {DataType::Uint8, {1}}));
}

TEST(Elementwise, UnaryAllowedTypes) {
  EXPECT_TRUE(elementwiseUnary(UnaryKind::Relu, {DataType::Int8, {3}}));
  EXPECT_EQ(
      errorOf(elementwiseUnary(UnaryKind::Sigmoid, {DataType::Int32, {3}}),
              "sigmoid"),
      "sigmoid: input: data type int32 is not allowed (allowed: "
      "float32, float16)");
  EXPECT_EQ(errorOf(elementwiseUnary(UnaryKind::Relu, {DataType::Uint8, {3}}),
                    "relu"),
            "relu: input: data type uint8 is not allowed (allowed: float32, "
            "float16, int32, int64, int8)");
}

TEST(Elementwise, ClampBounds) {
  EXPECT_TRUE(clamp(f32({2}), {.minValue = 0, .maxValue = 6}));
  EXPECT_TRUE(clamp(f32({2}), {.maxValue = -3}));
  EXPECT_EQ(errorOf(clamp(f32({2}), {.minValue = 2, .maxValue = 1}), "clamp"),
            "clamp: minValue: must not be greater than maxValue");
}

TEST(Conv2d, OutputShapeForEveryLayout) {
  // 1x3x10x12 input, 8 output channels, 3x5 filter, padding 1, stride 2.
  Conv2dOptions options{.padding = {1, 1, 2, 2}, .strides = {2, 2}};
  auto nchw = conv2d(f32({1, 3, 10, 12}), f32({8, 3, 3, 5}), options);
  ASSERT_TRUE(nchw) << nchw.error().format("conv2d");
  EXPECT_EQ(nchw->shape, (Shape{1, 8, 5, 6}));

  options.inputLayout = InputOperandLayout::Nhwc;
  options.filterLayout = Conv2dFilterOperandLayout::Hwio;
  auto nhwc = conv2d(f32({1, 10, 12, 3}), f32({3, 5, 3, 8}), options);
  ASSERT_TRUE(nhwc);
  EXPECT_EQ(nhwc->shape, (Shape{1, 5, 6, 8}));

  options.filterLayout = Conv2dFilterOperandLayout::Ohwi;
  EXPECT_EQ(conv2d(f32({1, 10, 12, 3}), f32({8, 3, 5, 3}), options)->shape,
            (Shape{1, 5, 6, 8}));
  options.filterLayout = Conv2dFilterOperandLayout::Ihwo;
  EXPECT_EQ(conv2d(f32({1, 10, 12, 3}), f32({3, 3, 5, 8}), options)->shape,
            (Shape{1, 5, 6, 8}));
}

TEST(Conv2d, DilationAndGroups) {
  // Depthwise: groups = channels = 4, dilation 2 makes a 3x3 filter 5x5.
  Conv2dOptions options{.dilations = {2, 2}, .groups = 4};
  auto out = conv2d(f32({2, 4, 9, 9}), f32({4, 1, 3, 3}), options);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->shape, (Shape{2, 4, 5, 5}));
  auto g = resolveConv2d(f32({2, 4, 9, 9}), f32({4, 1, 3, 3}), options);
  EXPECT_EQ(g->groups, 4);
  EXPECT_EQ(g->dilations[1], 2);
}

TEST(Conv2d, RejectsEachBrokenRule) {
  auto in = f32({1, 4, 5, 5});
  auto filter = f32({2, 4, 3, 3});
  EXPECT_EQ(errorOf(conv2d(f32({1, 4, 5}), filter, {}), "conv2d"),
            "conv2d: input: rank must be 4, got 3");
  EXPECT_EQ(
      errorOf(conv2d({DataType::Int32, {1, 4, 5, 5}}, filter, {}), "conv2d"),
      "conv2d: input: data type int32 is not allowed (allowed: float32, "
      "float16)");
  EXPECT_EQ(
      errorOf(conv2d(in, {DataType::Float16, {2, 4, 3, 3}}, {}), "conv2d"),
      "conv2d: filter: data type float16 must match input's float32");
  EXPECT_EQ(errorOf(conv2d(in, filter, {.padding = {1, 1}}), "conv2d"),
            "conv2d: padding: must have 4 values, got 2");
  EXPECT_EQ(errorOf(conv2d(in, filter, {.strides = {1, 0}}), "conv2d"),
            "conv2d: strides: values must be greater than 0");
  EXPECT_EQ(errorOf(conv2d(in, filter, {.dilations = {0, 1}}), "conv2d"),
            "conv2d: dilations: values must be greater than 0");
  EXPECT_EQ(errorOf(conv2d(in, filter, {.groups = 0}), "conv2d"),
            "conv2d: groups: must be greater than 0");
  EXPECT_EQ(errorOf(conv2d(in, filter, {.groups = 3}), "conv2d"),
            "conv2d: input: channels (4) must be divisible by groups (3)");
  EXPECT_EQ(errorOf(conv2d(in, f32({2, 3, 3, 3}), {}), "conv2d"),
            "conv2d: filter: input channels (3) must equal the input's "
            "channels / groups (4)");
  EXPECT_EQ(errorOf(conv2d(in, filter, {.bias = f32({3})}), "conv2d"),
            "conv2d: bias: shape must be [2], got [3]");
  EXPECT_EQ(errorOf(conv2d(in, filter,
                           {.bias = OperandDescriptor{DataType::Float16, {2}}}),
                    "conv2d"),
            "conv2d: bias: data type float16 must match input's float32");
  EXPECT_EQ(errorOf(conv2d(in, f32({2, 4, 7, 3}), {}), "conv2d"),
            "conv2d: output: height must be a valid dimension, got -1 (the "
            "window does not fit the padded input)");
}

TEST(Pool2d, ShapesAndRounding) {
  auto in = f32({1, 2, 7, 7});
  EXPECT_EQ(
      pool2d(PoolKind::Max, in, {.windowDimensions = {2, 2}, .strides = {2, 2}})
          ->shape,
      (Shape{1, 2, 3, 3}));
  EXPECT_EQ(pool2d(PoolKind::Max, in,
                   {.windowDimensions = {2, 2},
                    .strides = {2, 2},
                    .outputShapeRounding = RoundingType::Ceil})
                ->shape,
            (Shape{1, 2, 4, 4}));
  EXPECT_EQ(pool2d(PoolKind::Average, in,
                   {.windowDimensions = {2, 2},
                    .strides = {2, 2},
                    .outputSizes = {4, 4}})
                ->shape,
            (Shape{1, 2, 4, 4}));
  // outputSizes is checked against the sizes with padding: 7 + 2 + 2
  // with a window of 2 and stride 2 gives 5.5, so 5 or 6 (WPT's pooling
  // cases), not 3 as without the padding.
  EXPECT_EQ(pool2d(PoolKind::Average, in,
                   {.windowDimensions = {2, 2},
                    .padding = {2, 2, 2, 2},
                    .strides = {2, 2},
                    .outputSizes = {6, 5}})
                .error()
                .rule,
            "must be the computed output sizes rounded down ([5,5]) or up "
            "([6,6])");
  EXPECT_EQ(pool2d(PoolKind::Average, in,
                   {.windowDimensions = {2, 2},
                    .padding = {2, 2, 2, 2},
                    .strides = {2, 2},
                    .outputSizes = {6, 6}})
                ->shape,
            (Shape{1, 2, 6, 6}));
  EXPECT_FALSE(pool2d(PoolKind::Average, in,
                      {.windowDimensions = {2, 2},
                       .padding = {2, 2, 2, 2},
                       .strides = {2, 2},
                       .outputSizes = {3, 3}}));
  // Global pooling by default; nhwc keeps channels last.
  EXPECT_EQ(pool2d(PoolKind::Average, f32({1, 7, 7, 2}),
                   {.layout = InputOperandLayout::Nhwc})
                ->shape,
            (Shape{1, 1, 1, 2}));
}

TEST(Pool2d, RejectsEachBrokenRule) {
  auto in = f32({1, 2, 7, 7});
  EXPECT_EQ(
      errorOf(pool2d(PoolKind::Average, {DataType::Int8, {1, 2, 7, 7}}, {}),
              "averagePool2d"),
      "averagePool2d: input: data type int8 is not allowed (allowed: "
      "float32, float16)");
  EXPECT_TRUE(pool2d(PoolKind::Max, {DataType::Int8, {1, 2, 7, 7}}, {}));
  EXPECT_EQ(errorOf(pool2d(PoolKind::Max, in, {.windowDimensions = {0, 2}}),
                    "maxPool2d"),
            "maxPool2d: windowDimensions: values must be greater than 0");
  EXPECT_EQ(errorOf(pool2d(PoolKind::Max, in, {.windowDimensions = {9, 2}}),
                    "maxPool2d"),
            "maxPool2d: output: height must be a valid dimension, got -1 (the "
            "window does not fit the padded input)");
  EXPECT_EQ(errorOf(pool2d(PoolKind::Max, in,
                           {.windowDimensions = {2, 2},
                            .strides = {2, 2},
                            .outputSizes = {5, 3}}),
                    "maxPool2d"),
            "maxPool2d: outputSizes: must be the computed output sizes "
            "rounded down ([3,3]) or up ([4,4])");
  // One dimension rounded down and the other up is neither.
  EXPECT_FALSE(pool2d(
      PoolKind::Max, in,
      {.windowDimensions = {2, 2}, .strides = {2, 2}, .outputSizes = {4, 3}}));
}

TEST(Matmul, BatchedAndBroadcast) {
  EXPECT_EQ(matmul(f32({2, 3}), f32({3, 4}))->shape, (Shape{2, 4}));
  EXPECT_EQ(matmul(f32({5, 1, 2, 3}), f32({4, 3, 6}))->shape,
            (Shape{5, 4, 2, 6}));
  EXPECT_EQ(errorOf(matmul(f32({2, 3}), f32({4, 5})), "matmul"),
            "matmul: b: rows (4) must equal a's columns (3)");
  EXPECT_EQ(errorOf(matmul(f32({3}), f32({3, 5})), "matmul"),
            "matmul: a: rank must be at least 2, got 1");
  EXPECT_EQ(errorOf(matmul(f32({2, 2, 3}), f32({3, 3, 5})), "matmul"),
            "matmul: b: batch dimensions [3] are not broadcastable with a's "
            "[2]");
}

TEST(Gemm, TransposesAndC) {
  EXPECT_EQ(
      gemm(f32({3, 2}), f32({4, 3}), {.aTranspose = true, .bTranspose = true})
          ->shape,
      (Shape{2, 4}));
  EXPECT_TRUE(gemm(f32({2, 3}), f32({3, 4}), {.c = f32({4})}));
  EXPECT_EQ(
      errorOf(gemm(f32({2, 3}), f32({3, 4}), {.c = f32({2, 1, 4})}), "gemm"),
      "gemm: c: shape [2,1,4] is not broadcastable to the output shape "
      "[2,4]");
  EXPECT_EQ(errorOf(gemm(f32({2, 3}), f32({2, 4}), {}), "gemm"),
            "gemm: b: K dimension (2) must equal a's K dimension (3)");
}

TEST(ShapeOps, ReshapeTransposeSoftmax) {
  EXPECT_EQ(reshape(f32({2, 3, 4}), {4, 6})->shape, (Shape{4, 6}));
  EXPECT_EQ(reshape(f32({1}), {})->shape, (Shape{}));
  EXPECT_EQ(errorOf(reshape(f32({2, 3}), {4, 2}), "reshape"),
            "reshape: newShape: element count of [4,2] (8) must equal the "
            "input's (6)");
  EXPECT_EQ(errorOf(reshape(f32({2, 3}), {0, 6}), "reshape"),
            "reshape: newShape: dimensions must be between 1 and 4294967295, "
            "got [0,6]");
  EXPECT_EQ(transpose(f32({2, 3, 4}), {})->shape, (Shape{4, 3, 2}));
  EXPECT_EQ(transpose(f32({2, 3, 4}), {.permutation = {0, 2, 1}})->shape,
            (Shape{2, 4, 3}));
  EXPECT_EQ(
      errorOf(transpose(f32({2, 3}), {.permutation = {1, 1}}), "transpose"),
      "transpose: permutation: value 1 is repeated");
  EXPECT_EQ(errorOf(transpose(f32({2, 3}), {.permutation = {0}}), "transpose"),
            "transpose: permutation: must have 2 values (the input's rank), "
            "got 1");
  EXPECT_TRUE(softmax(f32({2, 3}), 1));
  EXPECT_EQ(errorOf(softmax(f32({2, 3}), 2), "softmax"),
            "softmax: axis: must be in [0, 2), got 2");
}

TEST(Descriptor, Limits) {
  EXPECT_FALSE(checkDescriptor(f32({2, 3}), "x"));
  EXPECT_EQ(checkDescriptor(f32({1ll << 30, 1ll << 20}), "x")->rule,
            "tensor of shape [1073741824,1048576] has more than 2^31-1 "
            "elements, the most webnnc computes in one tensor");
  // The limit is on elements: 2^31-1 of them pass, in any data type.
  EXPECT_FALSE(checkDescriptor({DataType::Int64, {(1ll << 31) - 1}}, "x"));
  EXPECT_TRUE(checkDescriptor(f32({1ll << 16, 1ll << 15}), "x"));
  EXPECT_TRUE(checkDescriptor(f32({4294967295ll, 4294967295ll, 4294967295ll}),
                              "x")); // the product overflows int64
  EXPECT_EQ(checkDescriptor(f32({2, -1}), "x")->rule,
            "dimensions must be between 1 and 4294967295, got [2,?]");
  EXPECT_FALSE(checkDescriptor(f32({2, kOpenDim}), "x", /*allowOpen=*/true));
  EXPECT_TRUE(checkDescriptor(f32({0, kOpenDim}), "x", /*allowOpen=*/true));
}

// Open dimensions (kOpenDim, `?`) flow through the shape rules of the ops
// that accept them; what is known at build time is still checked.
TEST(OpenDims, PropagateThroughShapeRules) {
  const int64_t Q = kOpenDim;
  EXPECT_EQ(elementwiseBinary(BinaryKind::Add, f32({Q, 3}), f32({3}))->shape,
            (Shape{Q, 3}));
  EXPECT_EQ(elementwiseBinary(BinaryKind::Add, f32({Q, 1}), f32({1, 4}))->shape,
            (Shape{Q, 4}));
  EXPECT_EQ(elementwiseBinary(BinaryKind::Add, f32({Q, 4}), f32({5, 4}))->shape,
            (Shape{5, 4}));
  EXPECT_EQ(elementwiseBinary(BinaryKind::Add, f32({Q, 4}), f32({Q, 4}))->shape,
            (Shape{Q, 4}));
  EXPECT_FALSE(elementwiseBinary(BinaryKind::Add, f32({Q, 4}), f32({1, 5})));
  EXPECT_EQ(matmul(f32({Q, Q, 64}), f32({64, 32}))->shape, (Shape{Q, Q, 32}));
  EXPECT_EQ(matmul(f32({2, 8, Q}), f32({2, Q, 8}))->shape, (Shape{2, 8, 8}));
  EXPECT_FALSE(matmul(f32({Q, 4, 3}), f32({2, 8})));
  Conv2dOptions conv;
  conv.padding = {1, 1, 1, 1};
  EXPECT_EQ(conv2d(f32({Q, 3, Q, Q}), f32({8, 3, 3, 3}), conv)->shape,
            (Shape{Q, 8, Q, Q}));
  EXPECT_EQ(
      errorOf(conv2d(f32({1, Q, 8, 8}), f32({8, 3, 3, 3}), conv), "conv2d"),
      "conv2d: input: channels must not be an open dimension");
  Pool2dOptions pool;
  pool.windowDimensions = {2, 2};
  pool.strides = {2, 2};
  EXPECT_EQ(pool2d(PoolKind::Max, f32({1, 4, Q, 6}), pool)->shape,
            (Shape{1, 4, Q, 3}));
  EXPECT_TRUE(pool2d(PoolKind::Max, f32({1, 4, Q, 6}), {})
                  .error()
                  .rule.find("windowDimensions") != std::string::npos);
  EXPECT_EQ(reduce(ReduceKind::Mean, f32({Q, 4, Q}),
                   ReduceOptions{.axes = std::vector<int64_t>{2}})
                ->shape,
            (Shape{Q, 4}));
  EXPECT_EQ(gatherND(f32({Q, 5, 4}), {DataType::Int32, {Q, 3, 2}})->shape,
            (Shape{Q, 3, 4}));
  auto openTuples = gatherND(f32({2, 5}), {DataType::Int32, {3, Q}});
  ASSERT_FALSE(openTuples);
  EXPECT_TRUE(openTuples.error().needsStaticSizes);
  EXPECT_EQ(scatterND(f32({Q, 4}), {DataType::Int32, {Q, 1}}, f32({Q, 4}))
                ->shape,
            (Shape{Q, 4}));
  // An open size meets a static one: compared at compute.
  EXPECT_TRUE(scatterElements(f32({Q, 4}), {DataType::Int32, {2, 4}},
                              f32({Q, 4}), {}));
  EXPECT_FALSE(scatterElements(f32({Q, 4}), {DataType::Int32, {2, 4}},
                               f32({Q, 3}), {}));
  ConvTranspose2dOptions up;
  up.strides = {2, 2};
  up.outputPadding = {1, 1};
  EXPECT_EQ(convTranspose2d(f32({Q, 3, Q, 5}), f32({3, 4, 3, 3}), up)->shape,
            (Shape{Q, 4, Q, 12}));
  EXPECT_EQ(errorOf(convTranspose2d(f32({1, Q, 8, 8}), f32({3, 4, 3, 3}), up),
                    "convTranspose2d"),
            "convTranspose2d: input: channels must not be an open dimension");
  ConvTranspose2dOptions sized;
  sized.outputSizes = {9, 9};
  EXPECT_NE(errorOf(convTranspose2d(f32({1, 3, Q, 5}), f32({3, 4, 3, 3}),
                                    sized),
                    "convTranspose2d")
                .find("outputSizes: cannot be given for an input with an "
                      "open height or width"),
            std::string::npos);
}

} // namespace
