// SPDX-License-Identifier: Apache-2.0
// MobileNetV2 built with the frontend, through every optimization pass:
// the compiled network equals the reference evaluator, and the passes did
// what they promise on it (fusion, packing, a shared arena).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "E2ETestUtils.h"
#include "MobileNetV2.h"
#include "webnnc/Reference/Evaluator.h"

using namespace webnnc;

namespace {

// A small resolution keeps the float64 reference quick; the layers, and so
// the kernels and fusion decisions, are those of the 224 network.
models::MobileNetV2Options smallInput() {
  models::MobileNetV2Options options;
  options.resolution = 64;
  return options;
}

TEST(MobileNetV2, CompiledEqualsReferenceWithEveryPass) {
  auto reference = models::buildMobileNetV2(smallInput());
  auto graph = models::buildMobileNetV2(smallInput());
  ASSERT_TRUE(reference) << reference.error().message();
  ASSERT_TRUE(graph);
  auto inputs = test::randomInputs(*reference, 7, 0, 1);
  auto expected = reference::evaluate(*reference, inputs);
  ASSERT_TRUE(expected) << expected.error();

  CompileOptions options;
  options.modelName = "mobilenet_v2";
  auto model = test::CompiledTestModel::compile(*graph, options);
  ASSERT_TRUE(model) << model.error();
  auto actual = (*model)->run(inputs);
  ASSERT_TRUE(actual) << actual.error();
  ASSERT_EQ(actual->size(), 1u);
  // Probabilities of 1000 classes: compare with an absolute bound scaled
  // by the largest one, and check the winner is the same class.
  const HostTensor &want = (*expected)[0], &got = (*actual)[0];
  const float *w = want.as<float>(), *g = got.as<float>();
  float largest = *std::max_element(w, w + 1000);
  EXPECT_EQ(test::compare(got, want, 1e-3, 1e-4 * largest), "");
  EXPECT_EQ(std::max_element(g, g + 1000) - g, std::max_element(w, w + 1000) - w);

  // 100 ops: 52 convolutions, 35 relu6, 10 residual adds, the global
  // pooling, gemm and softmax. Each relu6 and residual add runs in its
  // conv's kernel, and so does the pooling (a second stage of the last
  // conv): 54 kernel calls, and one more for the only transpose that
  // channels-last leaves (the nchw input; the pooled [1, 1280, 1, 1] turns
  // back by a reshape). All 52 filters and the classifier's weights are
  // packed; the arena shares memory across layers.
  const CompileStats &s = (*model)->compiled().stats;
  EXPECT_EQ(s.graphOps, 100);
  EXPECT_EQ(s.packedWeights, 53);
  EXPECT_EQ(s.layoutTransposes, 1);
  EXPECT_EQ(s.kernelCalls, 55);
  EXPECT_EQ(s.fusedOps, 46);
  EXPECT_LT(s.arenaBytes, s.unsharedArenaBytes / 3);

  // The graph's own layout (nchw kernels) computes the same.
  auto nchwGraph = models::buildMobileNetV2(smallInput());
  ASSERT_TRUE(nchwGraph);
  options.optimizations.channelsLast = false;
  auto nchw = test::CompiledTestModel::compile(*nchwGraph, options);
  ASSERT_TRUE(nchw) << nchw.error();
  auto nchwActual = (*nchw)->run(inputs);
  ASSERT_TRUE(nchwActual) << nchwActual.error();
  EXPECT_EQ(test::compare((*nchwActual)[0], want, 1e-3, 1e-4 * largest), "");
  EXPECT_EQ((*nchw)->compiled().stats.layoutTransposes, 0);
  EXPECT_EQ((*nchw)->compiled().stats.kernelCalls, 54);
}

} // namespace
