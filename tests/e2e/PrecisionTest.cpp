// SPDX-License-Identifier: Apache-2.0
// Precision against WPT's tolerances, measured in ULP of float32 against
// the exact (float64) value: batchNormalization within 6, matmul within
// 2K, on random data that cancels (scale and bias of opposite signs,
// products of mixed signs), where every float32 rounding shows.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "E2ETestUtils.h"
#include "webnnc/Frontend/GraphBuilder.h"

using namespace webnnc;

namespace {

// Distance between two float32 values in units in the last place.
int64_t ulpDistance(float a, float b) {
  int32_t ia, ib;
  std::memcpy(&ia, &a, 4);
  std::memcpy(&ib, &b, 4);
  // Map to a monotonic integer line (negative floats reversed).
  int64_t la = ia < 0 ? int64_t(INT32_MIN) - ia : ia;
  int64_t lb = ib < 0 ? int64_t(INT32_MIN) - ib : ib;
  return std::llabs(la - lb);
}

std::vector<float> randomValues(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-10, 10);
  std::vector<float> v(n);
  for (float &x : v)
    x = dist(rng);
  return v;
}

HostTensor tensorOf(const Shape &shape, const std::vector<float> &values) {
  HostTensor t({DataType::Float32, shape});
  std::memcpy(t.data(), values.data(), values.size() * 4);
  return t;
}

TEST(Precision, BatchNormalizationWithinSixUlp) {
  const int64_t n = 2, c = 5, h = 3, w = 7;
  auto x = randomValues(size_t(n * c * h * w), 1);
  auto mean = randomValues(size_t(c), 2), scale = randomValues(size_t(c), 3);
  auto variance = randomValues(size_t(c), 4), bias = randomValues(size_t(c), 5);
  for (float &v : variance)
    v = std::fabs(v);
  GraphBuilder b;
  Operand in = b.input("x", {DataType::Float32, {n, c, h, w}});
  auto constant = [&](const std::vector<float> &v) {
    return b.constant({DataType::Float32, {c}}, std::span<const float>(v));
  };
  Operand y = b.batchNormalization(
      in, constant(mean), constant(variance),
      {.scale = constant(scale), .bias = constant(bias), .epsilon = 1e-3});
  auto graph = b.build({{"y", y}});
  ASSERT_TRUE(graph) << graph.error().message();
  auto out = test::compileAndRun(*graph, {{"x", tensorOf({n, c, h, w}, x)}});
  ASSERT_TRUE(out) << out.error();
  const float *got = (*out)[0].as<float>();
  int64_t worst = 0;
  for (int64_t i = 0; i < n * c * h * w; ++i) {
    int64_t ch = (i / (h * w)) % c;
    double exact = (double(x[size_t(i)]) - mean[size_t(ch)]) /
                       std::sqrt(double(variance[size_t(ch)]) + double(1e-3f)) *
                       scale[size_t(ch)] +
                   bias[size_t(ch)];
    worst = std::max(worst, ulpDistance(got[i], float(exact)));
  }
  EXPECT_LE(worst, 6);
}

TEST(Precision, SmallMatmulsWithinTwoKUlp) {
  // Batched 3-D and 4-D products with K = 4 (WPT's 2K = 8 ULP).
  for (Shape aShape : {Shape{3, 5, 4}, Shape{2, 3, 5, 4}}) {
    Shape bShape = aShape;
    bShape[bShape.size() - 2] = 4;
    bShape.back() = 6;
    size_t aCount = size_t(spec::elementCount(aShape));
    size_t bCount = size_t(spec::elementCount(bShape));
    auto av = randomValues(aCount, 7), bv = randomValues(bCount, 8);
    GraphBuilder builder;
    Operand a = builder.input("a", {DataType::Float32, aShape});
    Operand bb = builder.input("b", {DataType::Float32, bShape});
    auto graph = builder.build({{"y", builder.matmul(a, bb)}});
    ASSERT_TRUE(graph) << graph.error().message();
    auto out = test::compileAndRun(
        *graph, {{"a", tensorOf(aShape, av)}, {"b", tensorOf(bShape, bv)}});
    ASSERT_TRUE(out) << out.error();
    const float *got = (*out)[0].as<float>();
    int64_t batches = int64_t(aCount / 20), worst = 0;
    for (int64_t p = 0; p < batches; ++p)
      for (int64_t i = 0; i < 5; ++i)
        for (int64_t j = 0; j < 6; ++j) {
          double exact = 0;
          for (int64_t k = 0; k < 4; ++k)
            exact += double(av[size_t(p * 20 + i * 4 + k)]) *
                     double(bv[size_t(p * 24 + k * 6 + j)]);
          worst = std::max(worst, ulpDistance(got[p * 30 + i * 6 + j],
                                              float(exact)));
        }
    EXPECT_LE(worst, 8) << spec::toString(aShape);
  }
}

} // namespace
