// SPDX-License-Identifier: Apache-2.0
// Checks an ONNX model with symbolic dimensions: imported once with them
// open and compiled once, then computed at several sizes, each against the
// reference evaluator on the model imported with those sizes (where the
// importer folds the shape arithmetic on the host instead).
#ifndef WEBNNC_TESTS_E2E_ONNXOPENDIMSCHECK_H_
#define WEBNNC_TESTS_E2E_ONNXOPENDIMSCHECK_H_

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "E2ETestUtils.h"
#include "OnnxModelMaker.h"
#include "webnnc/Reference/Evaluator.h"

namespace webnnc::test {

// |count| floats drawn uniformly from [-scale, scale], reproducibly.
inline std::vector<float> uniformValues(size_t count, unsigned seed,
                                        float scale) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-scale, scale);
  std::vector<float> w(count);
  for (float &v : w)
    v = dist(rng);
  return w;
}

// Imports |maker| once with open dimensions (bounded by |bounds|), then for
// each size assignment computes it and compares with the reference.
inline void expectEverySizeMatches(
    ModelMaker &maker, const std::map<std::string, int64_t> &bounds,
    const std::vector<std::map<std::string, int64_t>> &sizes,
    bool checked = false) {
  OnnxImportOptions open;
  open.dimensionBounds = bounds;
  auto graph = maker.import(open);
  ASSERT_TRUE(graph) << graph.error().message();
  for (const NamedOperand &input : graph->inputs())
    EXPECT_TRUE(spec::hasOpenDims(input.descriptor.shape)) << input.name;
  CompileOptions options;
  options.checkedKernels = checked;
  auto model = test::CompiledTestModel::compile(*graph, options);
  ASSERT_TRUE(model) << model.error();
  ASSERT_NE((*model)->model()->shapes, nullptr);

  unsigned seed = 7;
  for (const auto &dims : sizes) {
    OnnxImportOptions sized;
    sized.dimensions = dims;
    auto reference = maker.import(sized);
    ASSERT_TRUE(reference) << reference.error().message();
    auto inputs = test::randomInputs(*reference, seed++, -1, 1);
    auto expected = reference::evaluate(*reference, inputs);
    ASSERT_TRUE(expected) << expected.error();
    std::string what;
    for (const auto &[name, size] : dims)
      what += name + "=" + std::to_string(size) + " ";
    for (int threads : {1, 2}) {
      auto actual = (*model)->run(inputs, threads);
      ASSERT_TRUE(actual) << what << actual.error();
      ASSERT_EQ(actual->size(), expected->size());
      for (size_t i = 0; i < actual->size(); ++i) {
        EXPECT_EQ((*actual)[i].shape(), (*expected)[i].shape()) << what << i;
        EXPECT_EQ(test::compare((*actual)[i], (*expected)[i], 1e-4, 1e-5), "")
            << what << "output " << i << ", " << threads << " threads";
      }
    }
  }
}

} // namespace webnnc::test

#endif // WEBNNC_TESTS_E2E_ONNXOPENDIMSCHECK_H_
