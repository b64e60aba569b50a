// SPDX-License-Identifier: Apache-2.0
// The reference evaluator against values computed by hand from the spec's
// definitions of each operation.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "webnnc/Frontend/GraphBuilder.h"
#include "webnnc/Reference/Evaluator.h"
#include "webnnc/Support/Float16.h"

using namespace webnnc;

namespace {

OperandDescriptor f32(Shape shape) { return {DataType::Float32, shape}; }

HostTensor tensor(OperandDescriptor desc, std::vector<double> values) {
  return HostTensor::fromDoubles(std::move(desc), values);
}

std::vector<double> iota(size_t n, double start = 1) {
  std::vector<double> v(n);
  std::iota(v.begin(), v.end(), start);
  return v;
}

// Builds |output| (one output named "out") and evaluates it.
std::vector<double> evaluateOne(GraphBuilder &b, const Operand &output,
                                const std::map<std::string, HostTensor> &in,
                                Shape *shape = nullptr) {
  EXPECT_TRUE(output) << (output.error() ? output.error()->message() : "");
  auto graph = b.build({{"out", output}});
  EXPECT_TRUE(graph) << (graph ? "" : graph.error().message());
  auto result = reference::evaluate(*graph, in);
  EXPECT_TRUE(result) << (result ? "" : result.error());
  if (shape)
    *shape = (*result)[0].shape();
  return (*result)[0].toDoubles();
}

TEST(Evaluator, BroadcastingArithmetic) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2, 3}));
  Operand y = b.input("y", f32({3}));
  auto out = evaluateOne(b, b.sub(b.mul(b.add(x, y), y), x),
                         {{"x", tensor(f32({2, 3}), {1, 2, 3, 4, 5, 6})},
                          {"y", tensor(f32({3}), {10, 20, 30})}});
  // ((x + y) * y) - x
  EXPECT_EQ(out, (std::vector<double>{109, 438, 987, 136, 495, 1074}));
}

TEST(Evaluator, IntegerSemantics) {
  {
    GraphBuilder b;
    OperandDescriptor i8{DataType::Int8, {3}};
    Operand x = b.input("x", i8);
    auto out = evaluateOne(b, b.add(x, x),
                           {{"x", tensor(i8, {100, -100, 7})}});
    EXPECT_EQ(out, (std::vector<double>{-56, 56, 14})) << "int8 wraps";
  }
  {
    GraphBuilder b;
    OperandDescriptor i32{DataType::Int32, {4}};
    Operand x = b.input("x", i32);
    Operand y = b.input("y", i32);
    auto out = evaluateOne(b, b.div(x, y),
                           {{"x", tensor(i32, {-7, 7, 9, 1})},
                            {"y", tensor(i32, {2, -2, 0, 3})}});
    EXPECT_EQ(out, (std::vector<double>{-3, -3, 0, 0}))
        << "truncating division; x/0 is 0";
  }
  {
    GraphBuilder b;
    OperandDescriptor u32{DataType::Uint32, {2}};
    Operand x = b.input("x", u32);
    Operand y = b.input("y", u32);
    auto out = evaluateOne(b, b.max(x, y),
                           {{"x", tensor(u32, {4294967295.0, 3})},
                            {"y", tensor(u32, {1, 5})}});
    EXPECT_EQ(out, (std::vector<double>{4294967295.0, 5})) << "unsigned max";
  }
  {
    GraphBuilder b;
    OperandDescriptor u64{DataType::Uint64, {1}};
    Operand x = b.input("x", u64);
    HostTensor big(u64);
    big.as<uint64_t>()[0] = 0xFFFFFFFFFFFFFFF0ull;
    auto graph = b.build({{"out", b.add(x, x)}});
    auto result = reference::evaluate(*graph, {{"x", big}});
    ASSERT_TRUE(result);
    EXPECT_EQ((*result)[0].as<uint64_t>()[0], 0xFFFFFFFFFFFFFFE0ull)
        << "uint64 arithmetic is exact and wraps";
  }
}

TEST(Evaluator, Activations) {
  GraphBuilder b;
  Operand x = b.input("x", f32({4}));
  Operand out = b.add(b.add(b.relu(x), b.sigmoid(x)), b.tanh(x));
  auto v = evaluateOne(b, out, {{"x", tensor(f32({4}), {0, 1, -1, 2})}});
  for (int i = 0; i < 4; ++i) {
    double x0 = std::vector<double>{0, 1, -1, 2}[i];
    double expected = std::max(x0, 0.0) + 1 / (1 + std::exp(-x0)) + std::tanh(x0);
    EXPECT_NEAR(v[i], expected, 1e-6);
  }
}

TEST(Evaluator, ClampCastsBoundsToTheDataType) {
  GraphBuilder b;
  OperandDescriptor f16{DataType::Float16, {3}};
  Operand x = b.input("x", f16);
  auto out = evaluateOne(b, b.clamp(x, {.minValue = -0.5, .maxValue = 0.1}),
                         {{"x", tensor(f16, {-2, 0.05, 1})}});
  // 0.1 is not a float16; the bound is float16(0.1) = 0.0999755859375.
  EXPECT_EQ(out, (std::vector<double>{-0.5, halfToDouble(doubleToHalf(0.05)),
                                      0.0999755859375}));
}

TEST(Evaluator, Conv2dByHand) {
  GraphBuilder b;
  Operand x = b.input("x", f32({1, 1, 3, 3}));
  std::vector<float> ones(4, 1.0f);
  Operand w = b.constant<float>(f32({1, 1, 2, 2}), ones);
  Operand bias = b.constant(f32({1}), 0.5);
  auto out = evaluateOne(b, b.conv2d(x, w, {.bias = bias}),
                         {{"x", tensor(f32({1, 1, 3, 3}), iota(9))}});
  // 2x2 window sums of [[1,2,3],[4,5,6],[7,8,9]], plus 0.5.
  EXPECT_EQ(out, (std::vector<double>{12.5, 16.5, 24.5, 28.5}));
}

TEST(Evaluator, Conv2dPaddingStrideDilation) {
  GraphBuilder b;
  Operand x = b.input("x", f32({1, 1, 4, 4}));
  std::vector<float> w(4, 1.0f);
  Operand filter = b.constant<float>(f32({1, 1, 2, 2}), w);
  Shape shape;
  auto out = evaluateOne(
      b,
      b.conv2d(x, filter,
               {.padding = {1, 0, 1, 0}, .strides = {2, 2}, .dilations = {2, 2}}),
      {{"x", tensor(f32({1, 1, 4, 4}), iota(16))}}, &shape);
  // Output 2x2: taps at (y*2-1 + {0,2}, x*2-1 + {0,2}) inside 4x4.
  EXPECT_EQ(shape, (Shape{1, 1, 2, 2}));
  // (0,0): taps (-1,-1) (-1,1) (1,-1) (1,1) -> only (1,1)=6
  // (0,1): taps (-1,1) (-1,3) (1,1) (1,3) -> 6 + 8
  // (1,0): taps (1,-1) (1,1) (3,-1) (3,1) -> 6 + 14
  // (1,1): taps (1,1) (1,3) (3,1) (3,3) -> 6 + 8 + 14 + 16
  EXPECT_EQ(out, (std::vector<double>{6, 14, 20, 44}));
}

TEST(Evaluator, Conv2dLayoutsAgree) {
  // The same convolution in nchw/oihw and nhwc/hwio gives the same values.
  std::vector<double> input = iota(2 * 3 * 5 * 4, -20);
  std::vector<double> filterOihw = iota(6 * 3 * 3 * 2, -50);
  for (double &v : filterOihw)
    v *= 0.125;
  GraphBuilder b1;
  Operand x1 = b1.input("x", f32({2, 3, 5, 4}));
  std::vector<float> f1(filterOihw.begin(), filterOihw.end());
  Operand y1 = b1.conv2d(x1, b1.constant<float>(f32({6, 3, 3, 2}), f1),
                         {.padding = {1, 1, 0, 1}});
  Shape s1;
  auto nchw = evaluateOne(b1, y1, {{"x", tensor(f32({2, 3, 5, 4}), input)}}, &s1);

  // Permute the data by hand to nhwc and hwio.
  std::vector<double> inputNhwc(input.size());
  for (int n = 0; n < 2; ++n)
    for (int c = 0; c < 3; ++c)
      for (int h = 0; h < 5; ++h)
        for (int w = 0; w < 4; ++w)
          inputNhwc[((n * 5 + h) * 4 + w) * 3 + c] =
              input[((n * 3 + c) * 5 + h) * 4 + w];
  std::vector<float> hwio(filterOihw.size());
  for (int o = 0; o < 6; ++o)
    for (int i = 0; i < 3; ++i)
      for (int h = 0; h < 3; ++h)
        for (int w = 0; w < 2; ++w)
          hwio[((h * 2 + w) * 3 + i) * 6 + o] =
              float(filterOihw[((o * 3 + i) * 3 + h) * 2 + w]);
  GraphBuilder b2;
  Operand x2 = b2.input("x", f32({2, 5, 4, 3}));
  Operand y2 = b2.conv2d(x2, b2.constant<float>(f32({3, 2, 3, 6}), hwio),
                         {.padding = {1, 1, 0, 1},
                          .inputLayout = InputOperandLayout::Nhwc,
                          .filterLayout = Conv2dFilterOperandLayout::Hwio});
  Shape s2;
  auto nhwc =
      evaluateOne(b2, y2, {{"x", tensor(f32({2, 5, 4, 3}), inputNhwc)}}, &s2);
  ASSERT_EQ(s1, (Shape{2, 6, 5, 4}));
  ASSERT_EQ(s2, (Shape{2, 5, 4, 6}));
  for (int n = 0; n < 2; ++n)
    for (int c = 0; c < 6; ++c)
      for (int h = 0; h < 5; ++h)
        for (int w = 0; w < 4; ++w)
          ASSERT_EQ(nchw[((n * 6 + c) * 5 + h) * 4 + w],
                    nhwc[((n * 5 + h) * 4 + w) * 6 + c]);
}

TEST(Evaluator, DepthwiseConv) {
  GraphBuilder b;
  Operand x = b.input("x", f32({1, 2, 2, 2}));
  std::vector<float> w = {1, 1, 1, 1, 2, 2, 2, 2};
  Operand y = b.conv2d(x, b.constant<float>(f32({2, 1, 2, 2}), w), {.groups = 2});
  auto out = evaluateOne(b, y, {{"x", tensor(f32({1, 2, 2, 2}), iota(8))}});
  EXPECT_EQ(out, (std::vector<double>{1 + 2 + 3 + 4, 2 * (5 + 6 + 7 + 8)}));
}

TEST(Evaluator, Pooling) {
  auto pool = [](auto method, Pool2dOptions options, std::vector<double> in,
                 Shape inShape) {
    GraphBuilder b;
    Operand x = b.input("x", f32(inShape));
    return evaluateOne(b, (b.*method)(x, options),
                       {{"x", tensor(f32(inShape), in)}});
  };
  Pool2dOptions twoByTwo{.windowDimensions = {2, 2}, .strides = {2, 2}};
  EXPECT_EQ(pool(&GraphBuilder::maxPool2d, twoByTwo, iota(16), {1, 1, 4, 4}),
            (std::vector<double>{6, 8, 14, 16}));
  EXPECT_EQ(pool(&GraphBuilder::averagePool2d, twoByTwo, iota(16), {1, 1, 4, 4}),
            (std::vector<double>{3.5, 5.5, 11.5, 13.5}));
  // Padding does not count in the average: each 3x3 window over a padded
  // 2x2 input covers all four values.
  EXPECT_EQ(pool(&GraphBuilder::averagePool2d,
                 {.windowDimensions = {3, 3}, .padding = {1, 1, 1, 1}},
                 {1, 2, 3, 4}, {1, 1, 2, 2}),
            (std::vector<double>{2.5, 2.5, 2.5, 2.5}));
  auto l2 = pool(&GraphBuilder::l2Pool2d, {}, {3, 4, 0, 0}, {1, 1, 2, 2});
  EXPECT_EQ(l2, (std::vector<double>{5}));
  // Ceil rounding adds a partial window.
  EXPECT_EQ(pool(&GraphBuilder::maxPool2d,
                 {.windowDimensions = {2, 2},
                  .strides = {2, 2},
                  .outputShapeRounding = RoundingType::Ceil},
                 iota(9), {1, 1, 3, 3}),
            (std::vector<double>{5, 6, 8, 9}));
}

TEST(Evaluator, MatmulAndGemm) {
  {
    GraphBuilder b;
    Operand a = b.input("a", f32({2, 2, 2}));
    Operand m = b.input("m", f32({2, 2}));
    auto out = evaluateOne(b, b.matmul(a, m),
                           {{"a", tensor(f32({2, 2, 2}), {1, 2, 3, 4, 1, 0, 0, 1})},
                            {"m", tensor(f32({2, 2}), {5, 6, 7, 8})}});
    EXPECT_EQ(out, (std::vector<double>{19, 22, 43, 50, 5, 6, 7, 8}));
  }
  {
    GraphBuilder b;
    Operand a = b.input("a", f32({2, 2}));
    Operand m = b.input("m", f32({2, 2}));
    Operand c = b.constant(f32({2}), 1.0);
    auto out = evaluateOne(
        b,
        b.gemm(a, m,
               {.c = c, .alpha = 2, .beta = 3, .aTranspose = true,
                .bTranspose = true}),
        {{"a", tensor(f32({2, 2}), {1, 2, 3, 4})},
         {"m", tensor(f32({2, 2}), {5, 6, 7, 8})}});
    // A' = [[1,3],[2,4]], B' = [[5,7],[6,8]]; A'B' = [[23,31],[34,46]].
    EXPECT_EQ(out, (std::vector<double>{49, 65, 71, 95}));
  }
}

TEST(Evaluator, ShapeOps) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2, 3}));
  Shape shape;
  auto t = evaluateOne(b, b.transpose(b.reshape(x, {3, 2})),
                       {{"x", tensor(f32({2, 3}), iota(6))}}, &shape);
  EXPECT_EQ(shape, (Shape{2, 3}));
  EXPECT_EQ(t, (std::vector<double>{1, 3, 5, 2, 4, 6}));
}

TEST(Evaluator, Softmax) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2, 3}));
  auto out = evaluateOne(b, b.softmax(x, 1),
                         {{"x", tensor(f32({2, 3}), {1, 2, 3, 1000, 1000, 1000})}});
  double sum = std::exp(1) + std::exp(2) + std::exp(3);
  EXPECT_NEAR(out[0], std::exp(1) / sum, 1e-7);
  EXPECT_NEAR(out[2], std::exp(3) / sum, 1e-7);
  EXPECT_NEAR(out[4], 1.0 / 3, 1e-7) << "large inputs do not overflow";
}

TEST(Evaluator, Float16ResultsAreRounded) {
  GraphBuilder b;
  OperandDescriptor f16{DataType::Float16, {1}};
  Operand x = b.input("x", f16);
  Operand y = b.input("y", f16);
  auto out = evaluateOne(b, b.add(x, y),
                         {{"x", tensor(f16, {2048})}, {"y", tensor(f16, {1})}});
  EXPECT_EQ(out[0], 2048) << "2049 is not a float16; ties round to even";
}

TEST(Evaluator, ChecksInputs) {
  GraphBuilder b;
  Operand x = b.input("x", f32({2}));
  auto graph = b.build({{"out", b.relu(x)}});
  ASSERT_TRUE(graph);
  EXPECT_EQ(reference::evaluate(*graph, {}).error(), "missing input 'x'");
  EXPECT_EQ(reference::evaluate(*graph, {{"x", HostTensor(f32({3}))}}).error(),
            "input 'x' must be float32 [2], got float32 [3]");
}

TEST(Float16, RoundTripAndRounding) {
  EXPECT_EQ(doubleToHalf(1.0), 0x3c00);
  EXPECT_EQ(doubleToHalf(65504.0), 0x7bff);
  EXPECT_EQ(doubleToHalf(65520.0), 0x7c00) << "rounds up to infinity";
  EXPECT_EQ(doubleToHalf(5.960464477539063e-08), 0x0001) << "smallest subnormal";
  EXPECT_EQ(doubleToHalf(2.9802322387695312e-08), 0x0000) << "tie rounds to even 0";
  EXPECT_EQ(doubleToHalf(-0.0), 0x8000);
  EXPECT_EQ(doubleToHalf(6.103515625e-05), 0x0400) << "smallest normal";
  for (uint32_t bits = 0; bits < 0x7c00; ++bits)
    ASSERT_EQ(doubleToHalf(halfToDouble(uint16_t(bits))), bits);
  EXPECT_TRUE(std::isnan(halfToDouble(0x7e00)));
}

} // namespace
